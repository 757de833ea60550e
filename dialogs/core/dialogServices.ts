import { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { AnswerReply, QuestionAnswerer } from '../../bot/features/answers/questionAnswerer';
import { Role } from '../../bot/features/roles/roleService';
import { FeedbackStore } from '../../bot/platform/store/feedbackStore';
import { Profiles } from '../../bot/platform/store/profiles';
import { UserData } from '../../bot/platform/store/userData';
import type { BriefingService } from '../../bot/features/briefings/briefingService';
import type { SurveyService } from '../../bot/features/surveys/surveyService';
import type { TrainingFinder } from '../../bot/features/training/trainingFinder';
import type { TrainingReminders } from '../../bot/features/training/trainingReminders';
import { ReplySettings } from '../glossary/createReplyCard';
import type { ConversationMemory } from './conversationMemory';

/** Counts what the dialogs decide, for /metrics; kept as an interface so dialogs need no metrics library. */
export interface DialogMetrics {
  answered(decision: AnswerReply['kind']): void;
  /** Counts an urgent safeguarding card shown, by the concern's category (never its words). */
  urgentCard?(category: string): void;
}

/** The training catalogue and reminders, for "what training do I need?" and "my reminders". */
export interface TrainingDialogServices {
  finder: TrainingFinder;
  reminders: Pick<TrainingReminders, 'list'>;
}

/** Settings the dialogs read. */
export interface DialogSettings extends ReplySettings {
  /** The council this deployment serves, the default in the settings form. */
  authority?: string;
}

/** What every dialog may need, passed to its constructor. */
export interface DialogServices {
  answerer: QuestionAnswerer;
  settings: DialogSettings;
  metrics: DialogMetrics;
  now: () => DateTime;
  profiles: Pick<Profiles, 'get' | 'save'>;
  userData: Pick<UserData, 'export' | 'erase'>;
  gaps: Pick<FeedbackStore, 'gapReport'>;
  /** Server-side role checks for privileged commands. */
  access: { hasRole(context: TurnContext, role: Role): Promise<boolean> };
  /** Stops this turn writing state back (after the user's data was erased). */
  forgetTurnState(context: TurnContext): void;
  /** Pulse surveys ("new pulse", "pulse", "results of …"); absent where pulses are not set up. */
  surveys?: SurveyService;
  /** Training pathway and reminders; absent where training is not set up. */
  training?: TrainingDialogServices;
  /** Strategy briefings ("new briefing", "status of …", "latest briefings"); absent where briefings are not set up. */
  briefings?: BriefingService;
  /** Remembers the last answered entry, so "is there training for that?" knows what "that" is. */
  conversationMemory?: ConversationMemory;
}
