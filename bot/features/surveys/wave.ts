import { DateTime } from 'luxon';
import type { SurveyTemplate } from '../../../knowledge/surveys/surveyTemplate';
import type { AudienceFilter } from '../audience/audienceFilter';
import { LONDON_ZONE } from '../../../knowledge/londonZone';

/** One run of a pulse template for an audience between two moments. */
export interface Wave {
  id: number;
  templateId: string;
  name: string;
  /** The template as it was when the wave was created; later edits to the file never change a running wave. */
  template: SurveyTemplate;
  audience: AudienceFilter;
  opensAt: DateTime;
  closesAt: DateTime;
  /** Days (YYYY-MM-DD, Europe/London) reminders go out on. */
  reminderDays: string[];
  /** Minimum group size: no figure about fewer people than this is ever shown. */
  threshold: number;
  /** Who created it (AAD object id or channel user id), who may see its results besides admins. */
  owner?: string;
  ownerName?: string;
  /** How many people the opening card was queued for. */
  invited: number;
  /** When its cards and reminders were handed to the delivery engine. */
  queuedAt?: string;
}

/** Where a wave is in its life, by the injected clock. */
export type WaveStatus = 'scheduled' | 'open' | 'closed';

/** The wave's status at a moment: scheduled before it opens, closed from its closing time on. */
export function waveStatus(wave: Pick<Wave, 'opensAt' | 'closesAt'>, now: DateTime): WaveStatus {
  if (now < wave.opensAt) return 'scheduled';
  if (now >= wave.closesAt) return 'closed';
  return 'open';
}

/** A date as staff read it: "Monday 30 November 2026". */
export function londonDate(moment: DateTime): string {
  return moment.setZone(LONDON_ZONE).toFormat('cccc d LLLL yyyy');
}

/** A moment as staff read it: "Monday 30 November 2026 at 17:00". */
export function londonDateTime(moment: DateTime): string {
  const local = moment.setZone(LONDON_ZONE);
  return `${local.toFormat('cccc d LLLL yyyy')} at ${local.toFormat('HH:mm')}`;
}
