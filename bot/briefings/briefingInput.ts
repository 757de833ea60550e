import { DateTime } from 'luxon';
import { z } from 'zod';
import { isTopic } from '../../knowledge/workforce';
import { AudienceFilter, audienceFilterSchema } from '../audience/audienceFilter';

/** The longest summary a briefing card shows. */
export const MAX_SUMMARY = 300;

/** A briefing as its author writes it (the admin API's JSON body, or the chat form's answers). */
export const briefingInputSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the briefing a title.').max(120, 'The title must be 120 characters or fewer.'),
    summary: z.string().trim().min(1, 'Write a short summary.').max(MAX_SUMMARY, `The summary must be ${MAX_SUMMARY} characters or fewer.`),
    body: z.string().max(20000, 'The body must be 20,000 characters or fewer.').default(''),
    link: z
      .string()
      .trim()
      .url('The link must be a full web address.')
      .refine((v) => v.startsWith('https://'), 'The link must start with https://.')
      .optional(),
    topics: z
      .array(z.string())
      .default([])
      .refine((v) => v.every(isTopic), 'Choose topics from the list.'),
    audience: audienceFilterSchema.optional(),
    publish_at: z.string().optional(),
    expires_at: z.string().optional(),
    urgent: z.boolean().default(false),
  })
  .strict();

export type BriefingInput = z.input<typeof briefingInputSchema>;

/** What the author writes, the same in a draft and in a stored briefing. */
export interface BriefingContent {
  title: string;
  summary: string;
  body: string;
  link?: string;
  topics: string[];
  audience: AudienceFilter;
  urgent: boolean;
}

/** A checked briefing, with times resolved in Europe/London. */
export interface BriefingDraft extends BriefingContent {
  publishAt: DateTime;
  expiresAt?: DateTime;
}

export type CheckedBriefing = { ok: true; draft: BriefingDraft; notes: string[] } | { ok: false; errors: string[] };

/** Reads a date-time as the author meant it: with an offset as given, without one as UK time. */
export function readLondonTime(text: string, zone: string): DateTime | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const hasOffset = /([zZ]|[+-]\d{2}:?\d{2})$/.test(trimmed);
  const parsed = hasOffset ? DateTime.fromISO(trimmed, { setZone: true }).setZone(zone) : DateTime.fromISO(trimmed, { zone });
  return parsed.isValid ? parsed : undefined;
}

/**
 * Checks a briefing and resolves its times. A publish time in the past means "now" (with a note
 * saying so); an expiry must come after publishing.
 */
export function checkBriefing(input: unknown, now: DateTime, zone: string): CheckedBriefing {
  const parsed = briefingInputSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => (i.path.length && !/[A-Z]/.test(i.message[0]) ? `${i.path.join('.')}: ${i.message}` : i.message)) };
  }
  const v = parsed.data;
  const errors: string[] = [];
  const notes: string[] = [];
  let publishAt = now;
  if (v.publish_at) {
    const at = readLondonTime(v.publish_at, zone);
    if (!at) errors.push('The publish time must be a date and time, for example 2026-12-01T09:00.');
    else if (at < now) notes.push('The publish time was in the past, so it will be sent now.');
    else publishAt = at;
  }
  let expiresAt: DateTime | undefined;
  if (v.expires_at) {
    expiresAt = readLondonTime(v.expires_at, zone);
    if (!expiresAt) errors.push('The expiry must be a date and time, for example 2027-01-31T17:00.');
    else if (expiresAt <= publishAt) errors.push('The expiry must be after the publish time.');
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    notes,
    draft: { title: v.title, summary: v.summary, body: v.body, link: v.link, topics: v.topics, audience: v.audience ?? { everyone: true }, publishAt, expiresAt, urgent: v.urgent },
  };
}
