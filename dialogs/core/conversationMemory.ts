import { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';

/** What a conversation remembers between questions, so a follow-up can say "that". */
export interface ConversationMemory {
  /** The knowledge-base entry answered last in this conversation. */
  lastEntryId(context: TurnContext): Promise<string | undefined>;
  rememberEntry(context: TurnContext, entryId: string): Promise<void>;
}

interface LastTopic {
  entryId?: string;
}

/**
 * Keeps the last answered entry in conversation state (saved with the dialog stack after each
 * turn), so "what is TAC?" then "is there training for that?" works, across restarts and replicas.
 */
export class StateConversationMemory implements ConversationMemory {
  private readonly lastTopic: StatePropertyAccessor<LastTopic>;

  constructor(conversationState: BotState) {
    this.lastTopic = conversationState.createProperty<LastTopic>('lastTopic');
  }

  async lastEntryId(context: TurnContext): Promise<string | undefined> {
    return (await this.lastTopic.get(context, {})).entryId;
  }

  async rememberEntry(context: TurnContext, entryId: string): Promise<void> {
    await this.lastTopic.set(context, { entryId });
  }
}
