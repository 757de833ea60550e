import { DateTime } from 'luxon';
import { Course, Session } from '../../../knowledge/training/catalogue';
import { CatalogueIndex } from '../../../knowledge/training/catalogueIndex';
import { DateWindow } from './datePhrase';

/** How sessions may be narrowed: to a window of dates, and to online or in-person ones. */
export interface SessionFilter {
  window?: DateWindow;
  mode?: 'online' | 'in-person';
}

/** A course with the sessions to show for it. */
export interface CourseListing {
  course: Course;
  /** Up to three upcoming sessions: those in the asked window, or the next ones when none falls in it. */
  sessions: Session[];
  /** True when a window was asked for and no session falls in it (so `sessions` are the next ones after all). */
  outsideWindow: boolean;
}

/** Sessions shown per course. */
export const SESSIONS_SHOWN = 3;

/** True when a session is still to come: not cancelled, and not started by `now`. */
export function isUpcoming(session: Session, now: DateTime): boolean {
  return !session.cancelled && session.start > now;
}

function matchesMode(session: Session, mode: SessionFilter['mode']): boolean {
  if (mode === undefined) return true;
  return mode === 'online' ? session.online : !session.online;
}

function inWindow(session: Session, window: DateWindow | undefined): boolean {
  return window === undefined || (session.start >= window.from && session.start < window.to);
}

/** A course's upcoming sessions that pass the filter, earliest first. Past, started and cancelled sessions never appear. */
export function upcomingSessions(index: CatalogueIndex, courseId: string, now: DateTime, filter: SessionFilter = {}): Session[] {
  return index.sessionsOf(courseId).filter((s) => isUpcoming(s, now) && matchesMode(s, filter.mode) && inWindow(s, filter.window));
}

/** What to show for one course: its next sessions in the window, or its next sessions at all when the window has none. */
export function listCourse(index: CatalogueIndex, course: Course, now: DateTime, filter: SessionFilter = {}): CourseListing {
  const inside = upcomingSessions(index, course.id, now, filter);
  if (inside.length > 0 || filter.window === undefined) return { course, sessions: inside.slice(0, SESSIONS_SHOWN), outsideWindow: false };
  const later = upcomingSessions(index, course.id, now, { mode: filter.mode });
  return { course, sessions: later.slice(0, SESSIONS_SHOWN), outsideWindow: true };
}

/** "online sessions in March 2027", "sessions next month", "sessions": what a filter asks for, in words. */
export function describeFilter(filter: SessionFilter): string {
  const mode = filter.mode === 'online' ? 'online ' : filter.mode === 'in-person' ? 'in-person ' : '';
  return `${mode}sessions${filter.window ? ` ${filter.window.label}` : ''}`;
}
