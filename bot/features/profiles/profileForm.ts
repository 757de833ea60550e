import { DateTime } from 'luxon';
import { COUNCILS } from '../../../knowledge/entry';
import { isRole, isSector, isTopic } from '../../../knowledge/workforce';
import { formList, formText } from '../../platform/forms/formValues';

/** The first settings step: where and as what someone works. */
export interface AboutYou {
  sector: string;
  role: string;
  authority?: string;
  locality?: string;
  team?: string;
  startDate?: string;
}

/** The second settings step: what to hear about, and when not to be disturbed. */
export interface Preferences {
  topics: string[];
  quietStart?: string;
  quietEnd?: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: string[] };

const MAX_TEXT = 80;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks the "about you" answers; `today` bounds the start date. */
export function checkAboutYou(values: Record<string, unknown>, today: DateTime): Checked<AboutYou> {
  const errors: string[] = [];
  const sector = formText(values.sector);
  const role = formText(values.role);
  const authority = formText(values.authority);
  const locality = formText(values.locality);
  const team = formText(values.team);
  const startDate = formText(values.startDate);
  if (!isSector(sector)) errors.push('Choose the sector you work in.');
  if (!isRole(role)) errors.push('Choose your role.');
  if (authority && authority !== 'none' && !(COUNCILS as string[]).includes(authority)) errors.push('Choose a council from the list.');
  if (locality.length > MAX_TEXT) errors.push(`Locality must be ${MAX_TEXT} characters or fewer.`);
  if (team.length > MAX_TEXT) errors.push(`Team must be ${MAX_TEXT} characters or fewer.`);
  if (startDate) {
    const date = DateTime.fromISO(startDate, { zone: today.zone });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate) || !date.isValid) errors.push('Enter your start date as a date, for example 2026-09-01.');
    else if (date > today.plus({ years: 1 })) errors.push('Your start date is more than a year away; check the year.');
    else if (date.year < 1950) errors.push('Check the year of your start date.');
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      sector,
      role,
      authority: authority && authority !== 'none' ? authority : undefined,
      locality: locality || undefined,
      team: team || undefined,
      startDate: startDate || undefined,
    },
  };
}

/** Checks the topics and quiet hours; quiet hours need both ends or neither. */
export function checkPreferences(values: Record<string, unknown>): Checked<Preferences> {
  const errors: string[] = [];
  const topics = formList(values.topics) ?? [];
  const unknown = topics.filter((t) => !isTopic(t));
  if (unknown.length) errors.push('Choose topics from the list.');
  const quietStart = formText(values.quietStart);
  const quietEnd = formText(values.quietEnd);
  if ((quietStart && !TIME.test(quietStart)) || (quietEnd && !TIME.test(quietEnd))) errors.push('Enter quiet hours as times, for example 18:00 and 08:00.');
  else if (Boolean(quietStart) !== Boolean(quietEnd)) errors.push('Give both a start and an end for your quiet hours, or leave both empty.');
  else if (quietStart && quietStart === quietEnd) errors.push('Quiet hours need different start and end times.');
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { topics: [...new Set(topics)], quietStart: quietStart || undefined, quietEnd: quietEnd || undefined } };
}
