import { TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';
import { QuestionAnswerer } from '../bot/answers/questionAnswerer';
import { Role } from '../bot/roles/roleService';
import { FeedbackStore } from '../bot/store/feedbackStore';
import { Profiles } from '../bot/store/profiles';
import { UserData } from '../bot/store/userData';
import { ReplySettings } from './cards/createReplyCard';

/** Counts what the dialogs decide, for /metrics; kept as an interface so dialogs need no metrics library. */
export interface DialogMetrics {
  answered(decision: 'answer' | 'suggest' | 'unknown' | 'urgent' | 'empty'): void;
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
}
