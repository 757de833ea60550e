import { DateTime } from 'luxon';
import { LONDON_ZONE } from '../../knowledge/londonZone';

/** A moment as UK staff read it: "Tue 24 Nov 2026, 09:30" in Europe/London. */
export function formatLondonDateTime(iso: string | DateTime): string {
  const moment = typeof iso === 'string' ? DateTime.fromISO(iso) : iso;
  return moment.setZone(LONDON_ZONE).toFormat('ccc d LLL yyyy, HH:mm');
}
