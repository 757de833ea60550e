import { londonMoment } from './waveRequest';
import { Wave } from './wave';
import type { EnqueueResult, OutboundMessage } from '../../platform/delivery/deliveryTypes';

/** Delivery kinds: the opening card, and a reminder copy for one reminder day. */
export const PULSE_KIND = 'pulse';
export const PULSE_REMINDER_KIND = 'pulse-reminder';

/** The part of the delivery engine pulses use. */
export interface PulseQueue {
  enqueue(messages: OutboundMessage[]): Promise<EnqueueResult>;
  /** Whether the opening card went to this person (they may answer even if their profile changed since). */
  wasSentTo?(messageId: string, userId: string): Promise<boolean>;
}

/** The delivery message id of a wave's opening card. */
export const pulseMessageId = (surveyId: number): string => `pulse:${surveyId}`;

/** The delivery message id of a wave's reminder on one day. */
export const reminderMessageId = (surveyId: number, day: string): string => `pulse-reminder:${surveyId}:${day}`;

/** The wave a pulse or reminder message id belongs to, or undefined for anything else. */
export function surveyIdOfMessage(messageId: string): number | undefined {
  const match = /^pulse(?:-reminder)?:(\d+)(?::\d{4}-\d{2}-\d{2})?$/.exec(messageId);
  return match ? Number(match[1]) : undefined;
}

/**
 * The copies to queue for a wave: the card at opening, and one reminder per reminder day at the
 * reminder time (the engine moves each out of quiet hours). Reminders are queued for everyone now
 * and dropped at send time for those who have answered by then, so only non-respondents get one.
 * Nothing is sent after the wave closes.
 */
export function pulseCopies(
  wave: Pick<Wave, 'id' | 'opensAt' | 'closesAt' | 'reminderDays'>,
  userIds: readonly string[],
  reminderTime: string,
): OutboundMessage[] {
  const copies: OutboundMessage[] = [];
  const opening = { kind: PULSE_KIND, messageId: pulseMessageId(wave.id), notBefore: wave.opensAt, urgent: false, expiresAt: wave.closesAt };
  for (const userId of userIds) copies.push({ ...opening, userId });
  for (const day of wave.reminderDays) {
    const notBefore = londonMoment(day, reminderTime);
    if (!notBefore || notBefore <= wave.opensAt || notBefore >= wave.closesAt) continue;
    const reminder = { kind: PULSE_REMINDER_KIND, messageId: reminderMessageId(wave.id, day), notBefore, urgent: false, expiresAt: wave.closesAt };
    for (const userId of userIds) copies.push({ ...reminder, userId });
  }
  return copies;
}
