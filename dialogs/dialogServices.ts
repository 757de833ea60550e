import { QuestionAnswerer } from '../bot/answers/questionAnswerer';
import { ReplySettings } from './cards/createReplyCard';

/** Counts what the dialogs decide, for /metrics; kept as an interface so dialogs need no metrics library. */
export interface DialogMetrics {
  answered(decision: 'answer' | 'suggest' | 'unknown' | 'urgent' | 'empty'): void;
}

/** What every dialog may need, passed to its constructor. */
export interface DialogServices {
  answerer: QuestionAnswerer;
  settings: ReplySettings;
  metrics: DialogMetrics;
}
