import { DateTime } from 'luxon';

/**
 * One message to one person, as queued in the outbox. Briefings, pulse surveys, survey reminders
 * and training reminders all go out this way.
 */
export interface OutboundMessage {
  /** The kind of message; names the renderer that builds it at send time (e.g. "briefing"). */
  kind: string;
  /** The message this copy belongs to (e.g. "briefing:42"); with userId it is unique, so nothing is queued twice. */
  messageId: string;
  /** The recipient, as the conversation references know them (activity.from.id). */
  userId: string;
  /** The earliest moment to send; the engine moves it out of quiet hours and into working hours unless urgent. */
  notBefore: DateTime;
  urgent: boolean;
  /** Never send after this moment (a briefing's expiry, a session that has started). */
  expiresAt?: DateTime;
}

/** What enqueue did with a batch. */
export interface EnqueueResult {
  queued: number;
  /** Already queued for that person earlier (same messageId and userId): left as they were. */
  duplicates: number;
  /** No active personal chat with the bot, so nothing could be queued. */
  unreachable: number;
}

/** Delivery status of one message across its recipients. */
export interface DeliveryCounts {
  pending: number;
  sent: number;
  acknowledged: number;
  failed: number;
  unreachable: number;
  cancelled: number;
  expired: number;
  /** Sent, then taken back when the message was recalled. */
  recalled: number;
  /** Never delivered, but read and acknowledged from "latest briefings". */
  opened: number;
}

/** One recipient's copy of a message, for per-recipient reports. */
export interface DeliveryRecord {
  userId: string;
  status: keyof DeliveryCounts;
  attempts: number;
  sentAt?: string;
  acknowledgedAt?: string;
  lastError?: string;
}
