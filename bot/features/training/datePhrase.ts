import { DateTime } from 'luxon';
import { LONDON_ZONE } from '../../../knowledge/londonZone';

/** A stretch of time a question asks about: from (inclusive) to (exclusive), with how to say it. */
export interface DateWindow {
  from: DateTime;
  to: DateTime;
  /** "in March 2027", "next month (December 2026)", "on Thu 14 January 2027". */
  label: string;
}

/** What a question says about dates: nothing, a window, or something that is not a real date. */
export type DatePhrase = { kind: 'none' } | { kind: 'window'; window: DateWindow; matched: string } | { kind: 'invalid'; matched: string };

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
  sunday: 7,
  sun: 7,
};
/** Month words that are also everyday words ("may I book…") or too short to trust alone. */
const AMBIGUOUS_MONTHS = new Set(['may', 'mar', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const ORDINAL = '(?:st|nd|rd|th)';
const LEAD_IN = '(?:in|during|for|from|on|by|this|next|of|before|after)';

const DAY_MONTH = new RegExp(`\\b(?:(?:on|for|from) )?(?:the )?(\\d{1,3})${ORDINAL}?(?: of)? (${MONTH})\\b(?:,? (\\d{4}))?`);
const MONTH_DAY = new RegExp(`\\b(?:(?:on|for|from) )?(${MONTH}) (?:the )?(\\d{1,3})${ORDINAL}?\\b(?:,? (\\d{4}))?`);
const NUMERIC = /\b(?:(?:on|for|from) )?(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?\b/;
const BARE_ORDINAL = new RegExp(`\\b(?:on|for|from) (?:the )?(\\d{1,3})${ORDINAL}\\b`);
const RELATIVE = /\b(today|tonight|tomorrow|this week|next week|this month|next month|this year|next year)\b/;
const WEEKDAY = new RegExp(
  `\\b(?:(on|next|this) )?(${Object.keys(WEEKDAYS)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
);
const MONTH_ONLY = new RegExp(`\\b(?:(${LEAD_IN}) )?(${MONTH})\\b(?: (\\d{4}))?`);
const YEAR_ONLY = /\b(?:in|during|for) (20\d\d)\b/;

const dayLabel = (d: DateTime): string => `on ${d.toFormat('ccc d LLLL yyyy')}`;
const monthLabel = (d: DateTime): string => d.toFormat('LLLL yyyy');

/** The year a day or month with no year means: this one, unless it has already gone. */
function nextYearFor(month: number, day: number | undefined, today: DateTime): number {
  if (month > today.month) return today.year;
  if (month < today.month) return today.year + 1;
  return day === undefined || day >= today.day ? today.year : today.year + 1;
}

function fullYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** One whole day, or undefined when that day does not exist (31 April, 45 January). */
function dayWindow(year: number, month: number, day: number, zone: string): DateWindow | undefined {
  const from = DateTime.fromObject({ year, month, day }, { zone });
  if (!from.isValid) return undefined;
  return { from, to: from.plus({ days: 1 }), label: dayLabel(from) };
}

function monthWindow(year: number, month: number, zone: string, label?: (d: DateTime) => string): DateWindow {
  const from = DateTime.fromObject({ year, month, day: 1 }, { zone });
  return { from, to: from.plus({ months: 1 }), label: label ? label(from) : `in ${monthLabel(from)}` };
}

type Found = { window?: DateWindow; matched: string } | undefined;

function dayAndMonth(text: string, today: DateTime): Found {
  const dm = DAY_MONTH.exec(text);
  const md = dm ? null : MONTH_DAY.exec(text);
  if (!dm && !md) return undefined;
  const [matched, dayText, monthText, yearText] = dm ? [dm[0], dm[1], dm[2], dm[3]] : [md![0], md![2], md![1], md![3]];
  const month = MONTHS[monthText];
  const day = Number(dayText);
  const year = fullYear(yearText) ?? nextYearFor(month, day, today);
  return { window: dayWindow(year, month, day, today.zoneName ?? LONDON_ZONE), matched };
}

function numericDate(text: string, today: DateTime): Found {
  const m = NUMERIC.exec(text);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return { matched: m[0] };
  const year = fullYear(m[3]) ?? nextYearFor(month, day, today);
  return { window: dayWindow(year, month, day, today.zoneName ?? LONDON_ZONE), matched: m[0] };
}

/** "on the 14th": that day this month, or next month once it has gone. */
function bareOrdinal(text: string, today: DateTime): Found {
  const m = BARE_ORDINAL.exec(text);
  if (!m) return undefined;
  const day = Number(m[1]);
  const zone = today.zoneName ?? LONDON_ZONE;
  for (const month of [today.startOf('month'), today.startOf('month').plus({ months: 1 })]) {
    const window = dayWindow(month.year, month.month, day, zone);
    if (window && window.to > today) return { window, matched: m[0] };
  }
  return { matched: m[0] };
}

function relative(text: string, today: DateTime): Found {
  const m = RELATIVE.exec(text);
  if (!m) return undefined;
  const start = today.startOf('day');
  const zone = today.zoneName ?? LONDON_ZONE;
  switch (m[1]) {
    case 'today':
    case 'tonight':
      return { window: { from: start, to: start.plus({ days: 1 }), label: 'today' }, matched: m[0] };
    case 'tomorrow':
      return {
        window: { from: start.plus({ days: 1 }), to: start.plus({ days: 2 }), label: `tomorrow (${start.plus({ days: 1 }).toFormat('ccc d LLLL')})` },
        matched: m[0],
      };
    case 'this week':
      return { window: { from: start, to: today.startOf('week').plus({ weeks: 1 }), label: 'this week' }, matched: m[0] };
    case 'next week': {
      const from = today.startOf('week').plus({ weeks: 1 });
      return { window: { from, to: from.plus({ weeks: 1 }), label: `next week (from ${from.toFormat('ccc d LLLL')})` }, matched: m[0] };
    }
    case 'this month':
      return { window: { from: start, to: today.startOf('month').plus({ months: 1 }), label: `this month (${monthLabel(today)})` }, matched: m[0] };
    case 'next month': {
      const next = today.startOf('month').plus({ months: 1 });
      return { window: monthWindow(next.year, next.month, zone, (d) => `next month (${monthLabel(d)})`), matched: m[0] };
    }
    case 'this year':
      return { window: { from: start, to: today.startOf('year').plus({ years: 1 }), label: `this year (${today.year})` }, matched: m[0] };
    default: {
      const from = today.startOf('year').plus({ years: 1 });
      return { window: { from, to: from.plus({ years: 1 }), label: `next year (${from.year})` }, matched: m[0] };
    }
  }
}

/** "on Tuesday", "next Tuesday": the next such day after today ("on Tuesday" on a Tuesday means today). */
function weekday(text: string, today: DateTime): Found {
  const m = WEEKDAY.exec(text);
  if (!m) return undefined;
  const [matched, lead, name] = m;
  // Short names ("sat", "sun", "wed") only count with a lead-in, so "sun" and "mon" in other senses pass.
  if (!lead && name.length < 6) return undefined;
  const target = WEEKDAYS[name];
  let days = (target - today.weekday + 7) % 7;
  if (days === 0 && lead === 'next') days = 7;
  const from = today.startOf('day').plus({ days });
  return { window: { from, to: from.plus({ days: 1 }), label: dayLabel(from) }, matched };
}

function monthOnly(text: string, today: DateTime): Found {
  const pattern = new RegExp(MONTH_ONLY.source, 'g');
  for (const m of text.matchAll(pattern)) {
    const [matched, lead, name, yearText] = m;
    if (AMBIGUOUS_MONTHS.has(name) && !lead && !yearText) continue;
    const month = MONTHS[name];
    const zone = today.zoneName ?? LONDON_ZONE;
    const year = yearText ? Number(yearText) : lead === 'next' && month === today.month ? today.year + 1 : nextYearFor(month, undefined, today);
    const window = monthWindow(year, month, zone);
    if (year === today.year && month === today.month) window.from = today.startOf('day');
    return { window, matched };
  }
  return undefined;
}

function yearOnly(text: string, today: DateTime): Found {
  const m = YEAR_ONLY.exec(text);
  if (!m) return undefined;
  const from = DateTime.fromObject({ year: Number(m[1]), month: 1, day: 1 }, { zone: today.zoneName ?? LONDON_ZONE });
  return { window: { from, to: from.plus({ years: 1 }), label: `in ${m[1]}` }, matched: m[0] };
}

/** A question as the date readers see it (lower case, plain spaces); `matched` is a piece of this text. */
export function dateText(question: string): string {
  return question
    .toLowerCase()
    .replace(/[\u2019']/g, '')
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(/\s+/g, ' ');
}

/**
 * Reads the dates in a training question ("next month", "in March", "on 14 January", "this
 * week", "on the 3rd", "14/01"), relative to `now` in Europe/London. A date that cannot exist
 * ("on the 45th", "31 April") is reported as invalid rather than guessed.
 */
export function parseDatePhrase(question: string, now: DateTime): DatePhrase {
  const text = dateText(question);
  for (const reader of [numericDate, dayAndMonth, bareOrdinal, relative, weekday, monthOnly, yearOnly]) {
    const found = reader(text, now);
    if (!found) continue;
    return found.window ? { kind: 'window', window: found.window, matched: found.matched.trim() } : { kind: 'invalid', matched: found.matched.trim() };
  }
  return { kind: 'none' };
}
