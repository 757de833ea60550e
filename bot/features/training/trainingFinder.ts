import { DateTime } from 'luxon';
import { Course, TrainingCatalogue } from '../../../knowledge/training/catalogue';
import { CatalogueIndex } from '../../../knowledge/training/catalogueIndex';
import { readTrainingQuery } from '../../../knowledge/training/trainingQuery';
import { CourseScore, TrainingSearch } from '../../../knowledge/training/trainingSearch';
import { labelOf, ROLES } from '../../../knowledge/workforce';
import { liveView } from '../../platform/liveView';
import { dateText, parseDatePhrase } from './datePhrase';
import { CourseListing, listCourse, SessionFilter } from './upcomingSessions';

/** What the conversation was about just before: the entry last answered, then the entries it links to. */
export interface TrainingContext {
  entryIds: string[];
}

/** True when a course is meant for a role: named in its audience or in one of its mandatory rules. */
export function isForRole(course: Course, role: string): boolean {
  return course.audience.roles.includes(role) || course.mandatory.some((rule) => rule.roles.includes(role));
}

/** Courses shown in one list at most; the rest are counted. */
export const MAX_LISTED = 6;

/** What a question asks of the training catalogue. */
export type TrainingFinding =
  /** Not about training. */
  | { kind: 'none' }
  /** About training, with a date that cannot be read ("on the 45th"). */
  | { kind: 'dateProblem'; phrase: string }
  /**
   * Courses to show: found by topic (`search`), every course the filter allows (`all`), or the
   * courses linked to the last topic (`context`). `cue` says the question asked for training in so
   * many words; `coverage` is how much of its topic the best course accounts for and `named`
   * whether the question holds a course's name whole; `about` names the role the courses are for
   * ("for a youth worker"), when the question gave one.
   */
  | {
      kind: 'found';
      how: 'search' | 'all' | 'context';
      listings: CourseListing[];
      more: number;
      coverage: number;
      named: boolean;
      cue: boolean;
      filter: SessionFilter;
      about?: string;
    }
  /**
   * Asked for training about something no course covers: the topic asked, or the last topic when
   * `fromContext` ("is there training for that?"); `about` names the role asked for, if any.
   */
  | { kind: 'noCourse'; filter: SessionFilter; about?: string; fromContext?: boolean }
  /** "Is there training for that?" with nothing said before to refer to. */
  | { kind: 'needsTopic' };

/**
 * Reads a question as a training question: its dates ("next month"), online or in person, and
 * its topic, or the last topic when it says "that"; then finds the courses and their sessions.
 */
export class TrainingFinder {
  /** Stable for the life of the process (reminders hold it); it always reads the current catalogue. */
  readonly index: CatalogueIndex;
  private current: CatalogueIndex;
  private search: TrainingSearch;

  constructor(catalogue: TrainingCatalogue) {
    this.current = new CatalogueIndex(catalogue);
    this.search = new TrainingSearch(catalogue.courses);
    // Holders of the index keep reading whichever catalogue is current.
    this.index = liveView(() => this.current);
  }

  /** Answers from a new catalogue from now on (an edit published in the dashboard), without a restart. */
  replace(catalogue: TrainingCatalogue): void {
    const search = new TrainingSearch(catalogue.courses);
    this.current = new CatalogueIndex(catalogue);
    this.search = search;
  }

  find(question: string, now: DateTime, context?: TrainingContext): TrainingFinding {
    const date = parseDatePhrase(question, now);
    const rest = date.kind === 'none' ? question : dateText(question).replace(date.matched, ' ');
    const query = readTrainingQuery(rest);
    const intent = query.cue || (query.mode !== undefined && date.kind === 'window');
    if (intent && date.kind === 'invalid') return { kind: 'dateProblem', phrase: date.matched };
    const filter: SessionFilter = { window: date.kind === 'window' ? date.window : undefined, mode: query.mode };

    const roleLabel = query.role ? labelOf(ROLES, query.role)?.toLowerCase() : undefined;
    if (query.topicWords.length > 0) {
      const matches = this.search.matches(query.topicWords);
      if (matches.length === 0) return intent ? { kind: 'noCourse', filter } : { kind: 'none' };
      const forRole = query.role ? matches.filter((m) => isForRole(m.course, query.role!)) : [];
      return this.found('search', forRole.length ? forRole : matches, now, filter, intent, forRole.length ? `for a ${roleLabel}` : undefined);
    }
    if (!intent) return { kind: 'none' };
    if (query.role) {
      const courses = this.current.allCourses.filter((c) => isForRole(c, query.role!));
      if (courses.length === 0) return { kind: 'noCourse', filter, about: `for a ${roleLabel}` };
      return this.found(
        'all',
        courses.map((course) => ({ course, coverage: 1, named: false })),
        now,
        filter,
        true,
        `for a ${roleLabel}`,
      );
    }
    if (query.backReference) {
      if (!context || context.entryIds.length === 0) return { kind: 'needsTopic' };
      const courses = this.coursesAbout(context.entryIds);
      if (courses.length === 0) return { kind: 'noCourse', filter, fromContext: true };
      return this.found(
        'context',
        courses.map((course) => ({ course, coverage: 1, named: false })),
        now,
        filter,
        true,
      );
    }
    const all = this.current.allCourses.map((course) => ({ course, coverage: 1, named: false }));
    return this.found('all', all, now, filter, true);
  }

  /** One course and its next sessions, for a "show course" button. */
  listing(courseId: string, now: DateTime, filter: SessionFilter = {}): CourseListing | undefined {
    const course = this.current.course(courseId);
    return course ? listCourse(this.current, course, now, filter) : undefined;
  }

  /** The courses about the first entry that has any (the entry itself, then those it links to). */
  private coursesAbout(entryIds: string[]): Course[] {
    for (const id of entryIds) {
      const courses = this.current.coursesAbout(id);
      if (courses.length) return courses;
    }
    return [];
  }

  private found(how: 'search' | 'all' | 'context', scored: CourseScore[], now: DateTime, filter: SessionFilter, cue: boolean, about?: string): TrainingFinding {
    let listings = scored.map((s) => listCourse(this.current, s.course, now, filter));
    const filtered = filter.window !== undefined || filter.mode !== undefined;
    // A list narrowed by date or mode keeps only courses with sessions that fit, unless none has any.
    if (listings.length > 1 && filtered) {
      const fitting = listings.filter((l) => !l.outsideWindow && l.sessions.length > 0);
      if (fitting.length > 0 || how === 'all') listings = fitting;
    }
    const coverage = new Map(scored.map((s) => [s.course.id, s.coverage]));
    const firstStart = (l: CourseListing) => l.sessions[0]?.start.toMillis() ?? Number.MAX_SAFE_INTEGER;
    listings.sort((a, b) => (coverage.get(b.course.id) ?? 0) - (coverage.get(a.course.id) ?? 0) || firstStart(a) - firstStart(b));
    return {
      kind: 'found',
      how,
      listings: listings.slice(0, MAX_LISTED),
      more: Math.max(0, listings.length - MAX_LISTED),
      coverage: scored[0]?.coverage ?? 0,
      named: scored.some((s) => s.named),
      cue,
      filter,
      about,
    };
  }
}
