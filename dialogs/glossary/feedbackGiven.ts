import { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DateTime } from 'luxon';

/** Which answers someone already voted on in a conversation, so a second press changes nothing. */
export interface FeedbackGiven {
  has(context: TurnContext, entryId: string): Promise<boolean>;
  add(context: TurnContext, entryId: string): Promise<void>;
}

/** How long a vote on an entry counts as given (asking the same question another day may deserve a new vote). */
const REMEMBER_HOURS = 24;
/** Most votes remembered per conversation, so the state document stays small. */
const MAX_REMEMBERED = 50;

/**
 * Keeps votes in conversation state (saved with the rest after each turn, erased with it): the
 * entry id and when, never the vote itself, which stays anonymous in the feedback table.
 */
export class StateFeedbackGiven implements FeedbackGiven {
  private readonly votes: StatePropertyAccessor<Record<string, string>>;

  constructor(
    conversationState: BotState,
    private readonly now: () => DateTime,
  ) {
    this.votes = conversationState.createProperty<Record<string, string>>('feedbackGiven');
  }

  async has(context: TurnContext, entryId: string): Promise<boolean> {
    const at = (await this.votes.get(context, {}))[entryId];
    return at !== undefined && this.now().diff(DateTime.fromISO(at), 'hours').hours < REMEMBER_HOURS;
  }

  async add(context: TurnContext, entryId: string): Promise<void> {
    const now = this.now();
    const kept = Object.entries(await this.votes.get(context, {}))
      .filter(([, at]) => now.diff(DateTime.fromISO(at), 'hours').hours < REMEMBER_HOURS)
      .slice(-(MAX_REMEMBERED - 1));
    await this.votes.set(context, { ...Object.fromEntries(kept), [entryId]: now.toISO() ?? '' });
  }
}
