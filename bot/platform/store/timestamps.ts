import { DateTime } from 'luxon';

/** Where the store gets the time; injected so tests never read the real clock. */
export type Clock = () => DateTime;

/** A moment as stored: ISO 8601 in UTC with milliseconds, so text order is time order. */
export function stamp(moment: DateTime): string {
  return moment.toUTC().toISO({ suppressMilliseconds: false, includeOffset: true }) ?? '';
}
