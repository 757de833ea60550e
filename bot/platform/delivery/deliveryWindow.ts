import { DateTime } from 'luxon';

/** When non-urgent messages may arrive: working days (1 = Monday … 7 = Sunday) and hours (HH:mm, local). */
export interface WorkingHours {
  days: number[];
  start: string;
  end: string;
}

/** A person's quiet hours (HH:mm, local); the end may be on the next day (18:00 to 08:00). */
export interface QuietHours {
  start: string;
  end: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' };

/** How many moves the search makes before giving up on an impossible combination of hours. */
const MAX_STEPS = 30;

const at = (day: DateTime, hhmm: string): DateTime => {
  const [hour, minute] = hhmm.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 });
};

const minutes = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** The end of the quiet period `moment` falls in, or undefined when it is not quiet then. */
function quietUntil(moment: DateTime, quiet: QuietHours): DateTime | undefined {
  const now = moment.hour * 60 + moment.minute;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  if (start < end) return now >= start && now < end ? at(moment, quiet.end) : undefined;
  if (now >= start) return at(moment.plus({ days: 1 }), quiet.end);
  if (now < end) return at(moment, quiet.end);
  return undefined;
}

/**
 * The first moment at or after `notBefore` inside working hours and outside the person's quiet
 * hours, in the given zone; urgent messages go at `notBefore`. A briefing published at 22:00 on a
 * Monday arrives at 08:00 on Tuesday.
 */
export function deliveryTime(notBefore: DateTime, options: { urgent: boolean; working: WorkingHours; quiet?: QuietHours; zone: string }): DateTime {
  if (options.urgent) return notBefore;
  let t: DateTime = notBefore.setZone(options.zone);
  for (let step = 0; step < MAX_STEPS; step++) {
    const open = at(t, options.working.start);
    const close = at(t, options.working.end);
    if (!options.working.days.includes(t.weekday) || t >= close) {
      t = at(t.plus({ days: 1 }).startOf('day'), options.working.start);
      continue;
    }
    if (t < open) {
      t = open;
      continue;
    }
    const quietEnd = options.quiet ? quietUntil(t, options.quiet) : undefined;
    if (quietEnd && quietEnd > t) {
      t = quietEnd;
      continue;
    }
    return t;
  }
  // Quiet hours that cover every working hour cannot be honoured, so only working hours count.
  return options.quiet ? deliveryTime(notBefore, { ...options, quiet: undefined }) : t;
}

/** Reads "1-5" or "1,2,3" into weekday numbers. */
export function parseWorkingDays(text: string): number[] | undefined {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const range = /^\s*([1-7])\s*(?:-\s*([1-7]))?\s*$/.exec(part);
    if (!range) return undefined;
    const from = Number(range[1]);
    const to = Number(range[2] ?? range[1]);
    if (to < from) return undefined;
    for (let d = from; d <= to; d++) days.add(d);
  }
  return [...days].sort();
}
