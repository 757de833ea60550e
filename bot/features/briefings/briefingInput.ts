import { DateTime } from 'luxon';
import { z } from 'zod';
import { isTopic } from '../../../knowledge/workforce';
import { AudienceFilter, audienceFilterSchema } from '../audience/audienceFilter';

/** Where a briefing's body shows in full on its card; longer bodies show an opening and "Read the full briefing". */
export const INLINE_BODY_LIMIT = 2500;

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
    /** Who the briefing is on behalf of (a COMMS_USERS or ADMINS entry); the admin API checks it is one. */
    owner: z.string().trim().min(1).max(256).optional(),
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

/** One thing wrong with a briefing: the field (as the API names it, or "body" for the whole request) and what to do. */
export interface BriefingProblem {
  field: string;
  message: string;
}

export type CheckedBriefing =
  { ok: true; draft: BriefingDraft; notes: string[]; owner?: string } | { ok: false; errors: string[]; problems: BriefingProblem[] };

/** How checking treats what only some callers accept. */
export interface BriefingCheckOptions {
  /** A publish time in the past: "now" (the chat form, whose preview says so) or refused (the admin API). */
  pastPublish?: 'now' | 'refuse';
  /** Says whether an owner names someone with a role; without it any owner is refused. */
  isKnownOwner?: (owner: string) => boolean;
}

/** How far in the past a publish time may be and still mean "now" where past times are refused (clocks and typing take time). */
const PUBLISH_NOW_GRACE_MINUTES = 5;

/** The schemes a link inside a briefing's text may use; anything else (javascript:, data:, file:) is refused. */
const SAFE_LINK = /^https?:\/\//i;

/** Links written in Markdown (`[text](url)`, `<scheme:…>`) whose scheme is not http(s). */
export function unsafeLinksIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)/g))
    if (!SAFE_LINK.test(match[1]) && !/^#/.test(match[1]) && /^[a-z][a-z0-9+.-]*:/i.test(match[1])) found.push(match[1]);
  for (const match of text.matchAll(/<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi)) if (!SAFE_LINK.test(match[1])) found.push(match[1]);
  for (const match of text.matchAll(/\b(javascript|vbscript|data):[^\s)]*/gi))
    if (!found.some((f) => f.toLowerCase().startsWith(match[1].toLowerCase()))) found.push(match[0]);
  return found;
}

/** The fields a PATCH may change after sending, all optional and without defaults, so what is left out stays as it was. */
export const briefingPatchSchema = z
  .object({
    title: briefingInputSchema.shape.title,
    summary: briefingInputSchema.shape.summary,
    body: z.string().max(20000, 'The body must be 20,000 characters or fewer.'),
    link: briefingInputSchema.shape.link.unwrap().nullable(),
    topics: z.array(z.string()).refine((v) => v.every(isTopic), 'Choose topics from the list.'),
  })
  .partial()
  .strict();

/** Problems with the words of a briefing that the schema cannot see: links with unsafe schemes. */
export function contentProblems(content: { summary?: string; body?: string }): BriefingProblem[] {
  const problems: BriefingProblem[] = [];
  for (const field of ['summary', 'body'] as const) {
    const unsafe = unsafeLinksIn(content[field] ?? '');
    if (unsafe.length)
      problems.push({
        field,
        message: `Links must start with http:// or https:// (found ${unsafe
          .slice(0, 3)
          .map((u) => JSON.stringify(u.slice(0, 40)))
          .join(', ')}).`,
      });
  }
  return problems;
}

/**
 * What authors are told about a long body: the card shows the summary and the body's opening, and
 * the full text opens from "Read the full briefing" (Teams refuses messages over about 28 KB).
 */
export function bodyLengthNote(body: string): string | undefined {
  const length = body.trim().length;
  if (length <= INLINE_BODY_LIMIT) return undefined;
  return `The body is ${length.toLocaleString('en-GB')} characters, too long to show in full on a Teams card: staff will see the summary and the opening, and open the full text with "Read the full briefing". Put what matters most in the summary.`;
}

/** A zod issue as a problem with its field. */
export function problemOf(issue: { path: PropertyKey[]; message: string }): BriefingProblem {
  const field = issue.path.map(String).join('.') || 'body';
  return { field: issue.path.length ? field : 'request', message: issue.message };
}

/** Problems as the plain sentences the chat form shows. */
const sentences = (problems: BriefingProblem[]): string[] =>
  problems.map((p) => (p.field !== 'request' && !/^[A-Z]/.test(p.message[0]) ? `${p.field}: ${p.message}` : p.message));

/** Reads a date-time as the author meant it: with an offset as given, without one as UK time. */
export function readLondonTime(text: string, zone: string): DateTime | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const hasOffset = /([zZ]|[+-]\d{2}:?\d{2})$/.test(trimmed);
  const parsed = hasOffset ? DateTime.fromISO(trimmed, { setZone: true }).setZone(zone) : DateTime.fromISO(trimmed, { zone });
  return parsed.isValid ? parsed : undefined;
}

/**
 * Checks a briefing and resolves its times, listing every problem at once. A publish time in the
 * past means "now" (with a note saying so) or is refused, as the caller chooses; an expiry must come
 * after publishing; links must be http(s); an owner must hold a role.
 */
export function checkBriefing(input: unknown, now: DateTime, zone: string, options: BriefingCheckOptions = {}): CheckedBriefing {
  const parsed = briefingInputSchema.safeParse(input);
  const problems: BriefingProblem[] = parsed.success ? [] : parsed.error.issues.map(problemOf);
  // The times and links are checked from the raw request too, so one answer lists every problem.
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const notes: string[] = [];
  let publishAt = now;
  const publishText = text(raw.publish_at);
  if (publishText) {
    const at = readLondonTime(publishText, zone);
    if (!at) problems.push({ field: 'publish_at', message: 'The publish time must be a date and time, for example 2026-12-01T09:00.' });
    else if (at >= now) publishAt = at;
    else if (options.pastPublish === 'refuse' && at < now.minus({ minutes: PUBLISH_NOW_GRACE_MINUTES })) {
      problems.push({ field: 'publish_at', message: 'The publish time is in the past. Leave it out to send now, or give a future time.' });
    } else notes.push('The publish time was in the past, so it will be sent now.');
  }
  let expiresAt: DateTime | undefined;
  const expiresText = text(raw.expires_at);
  if (expiresText) {
    expiresAt = readLondonTime(expiresText, zone);
    if (!expiresAt) problems.push({ field: 'expires_at', message: 'The expiry must be a date and time, for example 2027-01-31T17:00.' });
    else if (expiresAt <= publishAt) problems.push({ field: 'expires_at', message: 'The expiry must be after the publish time.' });
    else if (expiresAt <= now) problems.push({ field: 'expires_at', message: 'The expiry is in the past.' });
  }
  problems.push(...contentProblems({ summary: text(raw.summary), body: text(raw.body) }));
  const owner = text(raw.owner)?.trim();
  if (owner && !(options.isKnownOwner?.(owner) ?? false)) {
    problems.push({ field: 'owner', message: `${JSON.stringify(owner.slice(0, 80))} is not a comms user or admin (COMMS_USERS or ADMINS).` });
  }
  if (problems.length || !parsed.success) return { ok: false, errors: sentences(problems), problems };
  const v = parsed.data;
  const lengthNote = bodyLengthNote(v.body);
  if (lengthNote) notes.push(lengthNote);
  return {
    ok: true,
    notes,
    owner,
    draft: {
      title: v.title,
      summary: v.summary,
      body: v.body,
      link: v.link,
      topics: v.topics,
      audience: v.audience ?? { everyone: true },
      publishAt,
      expiresAt,
      urgent: v.urgent,
    },
  };
}
