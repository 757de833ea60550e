import { DateTime } from 'luxon';
import { Course, EVERYONE, MandatoryRule } from '../../../knowledge/training/catalogue';
import { Profile } from '../../platform/store/profiles';

/** A course someone must do, and by when. */
export interface MandatoryItem {
  course: Course;
  rule: MandatoryRule;
  /** The start date plus the rule's period (a date, Europe/London). */
  due: DateTime;
  /** The due date has passed (the bot does not know what has been completed, so this says "due by", not "missed"). */
  overdue: boolean;
}

/** What "what training do I need?" answers. */
export type Pathway =
  /** No sector and role saved: ask for them in "my settings". */
  | { kind: 'noProfile' }
  /** Role known, start date not: the mandatory courses without dates, and a request for the start date. */
  | { kind: 'noStartDate'; role: string; mandatory: Course[]; recommended: Course[] }
  | { kind: 'pathway'; role: string; startDate: DateTime; mandatory: MandatoryItem[]; recommended: Course[] };

/** The rule that makes a course mandatory for a role (the tightest, when several apply). */
export function mandatoryRuleFor(course: Course, role: string): MandatoryRule | undefined {
  return course.mandatory.filter((rule) => rule.roles.includes(role) || rule.roles.includes(EVERYONE)).sort((a, b) => a.withinMonths - b.withinMonths)[0];
}

/** How closely a course is meant for someone: named for their role, for their sector, or for everyone. */
function recommendationRank(course: Course, role: string, sector: string | undefined): number | undefined {
  if (course.audience.roles.includes(role)) return 0;
  if (sector !== undefined && course.audience.sectors.includes(sector)) return 1;
  if (course.audience.sectors.includes(EVERYONE) && course.audience.roles.length === 0) return 2;
  return undefined;
}

/**
 * Works out someone's training pathway from their profile: the courses mandatory for their role,
 * each due a set time after their start date, overdue ones first and then the soonest due; then
 * the courses recommended for their role or sector. Without a start date nothing is dated (the
 * bot asks for it rather than guessing).
 */
export function computePathway(profile: Profile | undefined, courses: readonly Course[], today: DateTime): Pathway {
  if (!profile?.role) return { kind: 'noProfile' };
  const { role, sector } = profile;
  const mandatoryCourses = courses.filter((c) => mandatoryRuleFor(c, role) !== undefined);
  const recommended = courses
    .filter((c) => !mandatoryCourses.includes(c))
    .map((course) => ({ course, rank: recommendationRank(course, role, sector) }))
    .filter((r): r is { course: Course; rank: number } => r.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.course.title.localeCompare(b.course.title))
    .map((r) => r.course);
  const start = profile.startDate ? DateTime.fromISO(profile.startDate, { zone: today.zone }) : undefined;
  if (!start || !start.isValid) return { kind: 'noStartDate', role, mandatory: mandatoryCourses, recommended };

  const day = today.startOf('day');
  const mandatory = mandatoryCourses
    .map((course) => {
      const rule = mandatoryRuleFor(course, role)!;
      const due = start.plus({ months: rule.withinMonths }).startOf('day');
      return { course, rule, due, overdue: due < day };
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due.toMillis() - b.due.toMillis() || a.course.title.localeCompare(b.course.title));
  return { kind: 'pathway', role, startDate: start, mandatory, recommended };
}
