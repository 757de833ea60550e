import { DateTime } from 'luxon';
import type { ContentProblem } from '../contentLoader';
import { isRole, isSector } from '../workforce';
import { EVERYONE, TrainingCatalogue } from './catalogue';
import { COURSES_FILE, SESSIONS_FILE } from './catalogueLoader';

/** What the checks may compare the catalogue with. */
export interface CatalogueCheckOptions {
  /** The moment "upcoming" is measured from; without it, courses with no upcoming session are not looked for. */
  now?: DateTime;
  /** Ids of the knowledge-base entries, so `related_entries` can be checked. */
  entryIds?: ReadonlySet<string>;
}

const error = (file: string, message: string): ContentProblem => ({ level: 'error', file, message });
const warning = (file: string, message: string): ContentProblem => ({ level: 'warning', file, message });

/** True for an absolute https URL; booking pages must not send staff over plain http. */
export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Lower-cased, single-spaced, so "CAF  training" and "caf training" count as one name. */
const nameKey = (name: string): string => name.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Checks what no single record can show: unique ids, sessions that point at a known course and
 * end after they start, https booking links, audiences and mandatory rules that name known
 * sectors and roles, related entries that exist, and names claimed by one course only. Warns on
 * courses with nothing upcoming, so the team knows what staff will be told to ask about.
 */
export function validateCatalogue(catalogue: TrainingCatalogue, options: CatalogueCheckOptions = {}): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const courseIds = new Set<string>();
  const names = new Map<string, string>();
  for (const course of catalogue.courses) {
    const at = `course ${course.id}`;
    if (courseIds.has(course.id)) problems.push(error(COURSES_FILE, `${at}: the id is used twice`));
    courseIds.add(course.id);
    if (!isHttpsUrl(course.bookingUrl)) problems.push(error(COURSES_FILE, `${at}.booking_url: "${course.bookingUrl}" must be an https:// link`));
    for (const sector of course.audience.sectors) {
      if (sector !== EVERYONE && !isSector(sector)) problems.push(error(COURSES_FILE, `${at}.audience.sectors: "${sector}" is not a known sector`));
    }
    for (const role of course.audience.roles) {
      if (!isRole(role)) problems.push(error(COURSES_FILE, `${at}.audience.roles: "${role}" is not a known role`));
    }
    course.mandatory.forEach((rule, i) => {
      for (const role of rule.roles) {
        if (role !== EVERYONE && !isRole(role)) problems.push(error(COURSES_FILE, `${at}.mandatory[${i}].roles: "${role}" is not a known role`));
      }
    });
    if (options.entryIds) {
      for (const entry of course.relatedEntries) {
        if (!options.entryIds.has(entry)) problems.push(error(COURSES_FILE, `${at}.related_entries: "${entry}" is not a knowledge-base entry`));
      }
    }
    for (const name of new Set([...course.acronyms, ...course.aliases].map(nameKey))) {
      const owner = names.get(name);
      if (owner && owner !== course.id) problems.push(error(COURSES_FILE, `${at}: the name "${name}" is also claimed by course ${owner}`));
      else names.set(name, course.id);
    }
  }

  const sessionIds = new Set<string>();
  for (const session of catalogue.sessions) {
    const at = `session ${session.id}`;
    if (sessionIds.has(session.id)) problems.push(error(SESSIONS_FILE, `${at}: the id is used twice`));
    sessionIds.add(session.id);
    if (!courseIds.has(session.courseId)) problems.push(error(SESSIONS_FILE, `${at}.course: "${session.courseId}" is not a course in ${COURSES_FILE}`));
    if (!(session.end > session.start)) problems.push(error(SESSIONS_FILE, `${at}: it must end after it starts`));
    if (session.bookingUrl !== undefined && !isHttpsUrl(session.bookingUrl)) {
      problems.push(error(SESSIONS_FILE, `${at}.booking_url: "${session.bookingUrl}" must be an https:// link`));
    }
  }

  if (options.now) {
    const now = options.now;
    for (const course of catalogue.courses) {
      const upcoming = catalogue.sessions.some((s) => s.courseId === course.id && !s.cancelled && s.start > now);
      if (!upcoming) problems.push(warning(SESSIONS_FILE, `course ${course.id} has no upcoming session; staff will be told to contact ${course.contact}`));
    }
  }
  return problems;
}
