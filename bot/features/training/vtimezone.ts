import { DateTime } from 'luxon';

const offsetText = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
};

const localStamp = (moment: DateTime): string => moment.toFormat("yyyyLLdd'T'HHmmss");

/** The instants in [from, to) where a zone's UTC offset changes, found to the minute. */
function transitions(zone: string, from: DateTime, to: DateTime): DateTime[] {
  const found: DateTime[] = [];
  let day = from.setZone(zone).startOf('day');
  while (day < to) {
    const next = day.plus({ days: 1 });
    if (next.offset !== day.offset) {
      let low = day.toMillis();
      let high = next.toMillis();
      while (high - low > 60_000) {
        const mid = Math.floor((low + high) / 2 / 60_000) * 60_000;
        if (DateTime.fromMillis(mid, { zone }).offset === day.offset) low = mid;
        else high = mid;
      }
      found.push(DateTime.fromMillis(high, { zone }));
    }
    day = next;
  }
  return found;
}

/**
 * A VTIMEZONE component for a zone, built from luxon's time-zone data for the years around the
 * given moments: one STANDARD or DAYLIGHT observance per clock change, each starting at the local
 * time (before the change) it happens, as RFC 5545 asks. Outlook needs this to show a TZID time;
 * Google and Apple calendars read the TZID itself.
 */
export function vtimezone(zone: string, moments: DateTime[]): string {
  const millis = moments.map((m) => m.toMillis());
  const from = DateTime.fromMillis(Math.min(...millis), { zone })
    .minus({ years: 1 })
    .startOf('year');
  const to = DateTime.fromMillis(Math.max(...millis), { zone })
    .plus({ years: 1 })
    .endOf('year');
  const standardOffset = Math.min(from.offset, from.set({ month: 7 }).offset);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const changes = transitions(zone, from, to);
  if (changes.length === 0) {
    lines.push('BEGIN:STANDARD', `DTSTART:${localStamp(from)}`, `TZOFFSETFROM:${offsetText(from.offset)}`, `TZOFFSETTO:${offsetText(from.offset)}`);
    lines.push(`TZNAME:${from.setLocale('en-GB').offsetNameShort ?? zone}`, 'END:STANDARD');
  }
  for (const change of changes) {
    const before = change.minus({ minutes: 1 }).offset;
    const kind = change.offset > standardOffset ? 'DAYLIGHT' : 'STANDARD';
    lines.push(`BEGIN:${kind}`, `DTSTART:${localStamp(change.toUTC().plus({ minutes: before }).setZone('UTC'))}`);
    lines.push(`TZOFFSETFROM:${offsetText(before)}`, `TZOFFSETTO:${offsetText(change.offset)}`);
    lines.push(`TZNAME:${change.setLocale('en-GB').offsetNameShort ?? zone}`, `END:${kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
