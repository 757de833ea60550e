/** One attachment of an outgoing message: a card (or file) by its content type, with its content as JSON. */
export interface OutgoingAttachment {
  contentType: string;
  content?: unknown;
}

/**
 * What the delivery engine sends: a plain message with the fields the renderers and the size net
 * use. Only the sender (connectorSender.ts) turns it into a Bot Framework activity.
 */
export interface OutgoingMessage {
  text?: string;
  /** Set to plain when the size net replaced a card by its text, so Teams shows it as written. */
  textFormat?: 'plain' | 'markdown' | 'xml';
  /** The line Teams shows in notifications and the chat list. */
  summary?: string;
  attachments?: OutgoingAttachment[];
  attachmentLayout?: 'list' | 'carousel';
}

/** The activity type every outgoing message is sent as. */
export const OUTGOING_ACTIVITY_TYPE = 'message';
