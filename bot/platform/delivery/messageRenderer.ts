import type { OutgoingMessage } from './outgoingMessage';

/**
 * Builds the message for one queued copy at send time (channelId says how its buttons must work;
 * acknowledgedAt is set once the person acknowledged it); undefined means it is no longer wanted.
 */
export type MessageRenderer = (copy: {
  kind: string;
  messageId: string;
  userId: string;
  channelId: string;
  acknowledgedAt?: string;
}) => Promise<OutgoingMessage | undefined>;
