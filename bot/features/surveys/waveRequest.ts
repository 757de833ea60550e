import { DateTime } from 'luxon';
import { z } from 'zod';
import type { SurveyTemplate } from '../../../knowledge/surveys/surveyTemplate';
import { audienceFilterSchema, isEveryone } from '../audience/audienceFilter';
import { Wave } from './wave';
import { LONDON_ZONE } from '../../../knowledge/londonZone';

/** The range the anonymity threshold (minimum group size) may be set in. */
export const MIN_THRESHOLD = 3;
export const MAX_THRESHOLD = 25;

/** Most reminder days one wave may have. */
export const MAX_REMINDERS = 5;

/** Longest a wave may stay open. */
const MAX_OPEN_DAYS = 90;

/** How far in the past an opening time may be and still mean "now" (clocks and typing take time). */
const OPEN_NOW_GRACE_MINUTES = 5;

/**
 * A request to start a wave, as the admin API receives it (snake_case JSON) and as the chat form
 * builds it: template id, audience filter, opening and closing times (Europe/London unless they
 * carry an offset), reminder days and the anonymity threshold.
 */
export const waveRequestSchema = z
  .object({
    template: z.string().trim().min(1).max(64),
    name: z.string().trim().max(120).optional(),
    audience: audienceFilterSchema,
    opens_at: z.string().trim().max(40).optional(),
    closes_at: z.string().trim().min(1).max(40),
    reminder_days: z.array(z.string().trim().max(10)).max(MAX_REMINDERS, `at most ${MAX_REMINDERS} reminder days`).optional(),
    anonymity_threshold: z.number().int().optional(),
    owner: z.string().trim().min(1).max(256).optional(),
    owner_name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

/** A checked request, ready to be saved as a wave: everything but what saving and queueing settle. */
export type NewWave = Omit<Wave, 'id' | 'templateId' | 'invited' | 'queuedAt'>;

/** One thing wrong with a request: the field (as the API names it) and what to do about it. */
export interface WaveRequestProblem {
  field: string;
  message: string;
}

/** A checked wave, or every problem with the request. */
export type WaveRequestCheck = { ok: true; wave: NewWave } | { ok: false; problems: WaveRequestProblem[] };

/** What checking needs besides the request: the templates, the clock and the settings. */
export interface WaveRequestContext {
  templates: readonly SurveyTemplate[];
  now: DateTime;
  defaultThreshold: number;
  /** HH:mm in Europe/London that reminders go out at, so reminder days can be checked against the dates. */
  reminderTime: string;
}

/** Reads a date-time: an offset or Z is honoured, otherwise it is Europe/London wall-clock time. */
export function parseLondonDateTime(value: string): DateTime | undefined {
  const parsed = DateTime.fromISO(value, { zone: LONDON_ZONE, setZone: false });
  if (!parsed.isValid || !/T\d{2}:\d{2}/.test(value)) return undefined;
  return parsed.setZone(LONDON_ZONE);
}

/** The moment on a day (YYYY-MM-DD) at a wall-clock time (HH:mm) in Europe/London. */
export function londonMoment(day: string, time: string): DateTime | undefined {
  const moment = DateTime.fromISO(`${day}T${time}`, { zone: LONDON_ZONE });
  return /^\d{4}-\d{2}-\d{2}$/.test(day) && moment.isValid ? moment : undefined;
}

/**
 * Checks a wave request against the templates and the clock, the same way for the API and the
 * chat form, and returns every problem at once with the field it belongs to.
 */
export function checkWaveRequest(input: unknown, context: WaveRequestContext): WaveRequestCheck {
  const parsed = waveRequestSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })) };
  }
  const request = parsed.data;
  const problems: WaveRequestProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });

  const template = context.templates.find((t) => t.id === request.template);
  if (!template) problem('template', `there is no template "${request.template}"; choose one of ${context.templates.map((t) => t.id).join(', ')}`);

  if (request.audience.channels) problem('audience.channels', 'pulses go to people one by one, never to a channel, so every answer stays private');
  if (isEveryone(request.audience) && request.audience.everyone !== true) {
    problem('audience', 'give at least one filter (sectors, roles, localities, teams, authorities), or {"everyone": true} to send it to everyone');
  }

  const earliest = context.now.minus({ minutes: OPEN_NOW_GRACE_MINUTES });
  let opensAt: DateTime | undefined = context.now;
  if (request.opens_at !== undefined) {
    opensAt = parseLondonDateTime(request.opens_at);
    if (!opensAt) problem('opens_at', 'must be a date and time such as 2026-12-01T09:00 (Europe/London)');
    else if (opensAt < earliest) problem('opens_at', 'must not be in the past');
    else if (opensAt < context.now) opensAt = context.now;
  }
  const closesAt = parseLondonDateTime(request.closes_at);
  if (!closesAt) problem('closes_at', 'must be a date and time such as 2026-12-08T17:00 (Europe/London)');
  else if (opensAt && closesAt <= opensAt.plus({ hours: 1 })) problem('closes_at', 'must be at least an hour after the opening time');
  else if (opensAt && closesAt > opensAt.plus({ days: MAX_OPEN_DAYS })) problem('closes_at', `must be within ${MAX_OPEN_DAYS} days of the opening time`);

  const reminderDays = [...new Set(request.reminder_days ?? [])].sort();
  for (const day of reminderDays) {
    const at = londonMoment(day, context.reminderTime);
    if (!at) problem('reminder_days', `"${day}" is not a date written YYYY-MM-DD`);
    else if (opensAt && closesAt && (at <= opensAt || at >= closesAt)) {
      problem('reminder_days', `${day} at ${context.reminderTime} is not while the pulse is open; choose days after it opens and before it closes`);
    }
  }

  const threshold = request.anonymity_threshold ?? context.defaultThreshold;
  if (threshold < MIN_THRESHOLD || threshold > MAX_THRESHOLD)
    problem('anonymity_threshold', `must be a whole number from ${MIN_THRESHOLD} to ${MAX_THRESHOLD}`);

  if (problems.length || !template || !opensAt || !closesAt) return { ok: false, problems };
  return {
    ok: true,
    wave: {
      template,
      name: request.name || `${template.title}, ${opensAt.toFormat('LLLL yyyy')}`,
      audience: request.audience,
      opensAt,
      closesAt,
      reminderDays,
      threshold,
      owner: request.owner,
      ownerName: request.owner_name,
    },
  };
}
