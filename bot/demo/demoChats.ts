/** One message in a simulated personal chat, as the Teams stand-in shows it. */
export interface DemoChatItem {
  id: string;
  /** Who wrote it: the bot, the person, or a Teams dialog (task module) the bot opened for them. */
  from: 'bot' | 'person' | 'dialog';
  text?: string;
  attachments?: { contentType?: string; content?: unknown }[];
  /** The dialog's title, for dialogs. */
  title?: string;
  /** Set when the bot edited the message in place (a card updated after "Got it", an edited briefing). */
  edited?: boolean;
  /** Set when the bot deleted it (a recalled briefing); Teams shows "This message has been deleted". */
  deleted?: boolean;
  at: string;
}

/** What the bot sent, in the shape of a Bot Connector activity body. */
export interface SentActivity {
  type?: string;
  text?: string;
  attachments?: { contentType?: string; content?: unknown }[];
}

/**
 * The personal chats of the demo's simulated staff, held in memory: what the bot sent through the
 * stand-in Bot Connector and what each person typed, in order.
 */
export class DemoChats {
  private readonly chats = new Map<string, DemoChatItem[]>();
  private nextId = 1;

  constructor(private readonly nowIso: () => string = () => new Date().toISOString()) {}

  /** Adds a message to a conversation and returns its new activity id. */
  add(conversationId: string, from: DemoChatItem['from'], message: { text?: string; attachments?: DemoChatItem['attachments']; title?: string }): string {
    const id = `demo-activity-${this.nextId++}`;
    const item: DemoChatItem = { id, from, at: this.nowIso() };
    if (message.text) item.text = message.text;
    if (message.attachments?.length) item.attachments = message.attachments;
    if (message.title) item.title = message.title;
    this.chatOf(conversationId).push(item);
    return id;
  }

  /** Replaces a message's text and cards, as an update through the connector does; false when there is no such message. */
  update(conversationId: string, activityId: string, message: { text?: string; attachments?: DemoChatItem['attachments']; title?: string }): boolean {
    const item = this.chatOf(conversationId).find((i) => i.id === activityId);
    if (!item || item.deleted) return false;
    item.text = message.text || undefined;
    item.attachments = message.attachments?.length ? message.attachments : undefined;
    if (message.title) item.title = message.title;
    item.edited = true;
    return true;
  }

  /** Marks a message deleted; its contents are dropped, as Teams does. */
  delete(conversationId: string, activityId: string): boolean {
    const item = this.chatOf(conversationId).find((i) => i.id === activityId);
    if (!item) return false;
    item.deleted = true;
    item.text = undefined;
    item.attachments = undefined;
    return true;
  }

  /** One message by id, if the conversation has it. */
  get(conversationId: string, activityId: string): DemoChatItem | undefined {
    return this.chats.get(conversationId)?.find((i) => i.id === activityId);
  }

  /** The whole conversation, oldest first. */
  messages(conversationId: string): DemoChatItem[] {
    return [...(this.chats.get(conversationId) ?? [])];
  }

  /** How many messages the bot has sent into a conversation (the page shows it beside each name). */
  fromBot(conversationId: string): number {
    return (this.chats.get(conversationId) ?? []).filter((i) => i.from === 'bot' && !i.deleted).length;
  }

  private chatOf(conversationId: string): DemoChatItem[] {
    let chat = this.chats.get(conversationId);
    if (!chat) {
      chat = [];
      this.chats.set(conversationId, chat);
    }
    return chat;
  }
}
