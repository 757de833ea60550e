import { DateTime } from 'luxon';
import { Course, Session, TrainingCatalogue } from '../../../../knowledge/training/catalogue';

/** A local Europe/London time, as the catalogue writes them. */
export const london = (iso: string): DateTime => DateTime.fromISO(iso, { zone: 'Europe/London' });

/** A small course; fields can be replaced. */
export function fixtureCourse(extra: Partial<Course> = {}): Course {
  return {
    id: 'caf',
    title: 'CAF and the lead professional',
    summary: 'How to do a CAF with a family.',
    provider: 'Test provider (SAMPLE DATA)',
    contact: 'caf@example.org',
    bookingUrl: 'https://example.org/book/caf',
    audience: { sectors: ['all'], roles: [] },
    level: 'intermediate',
    delivery: 'online',
    duration: '3 hours',
    commonCore: ['multi-agency'],
    mandatory: [],
    acronyms: ['CAF'],
    aliases: ['lead professional'],
    tags: ['integrated working'],
    relatedEntries: ['caf'],
    ...extra,
  };
}

/** A session of a course, 09:30–12:30 local time on the given day unless told otherwise. */
export function fixtureSession(id: string, day: string, extra: Partial<Session> = {}): Session {
  return {
    id,
    courseId: 'caf',
    start: london(`${day}T09:30`),
    end: london(`${day}T12:30`),
    timezone: 'Europe/London',
    online: true,
    placesLeft: 10,
    cancelled: false,
    ...extra,
  };
}

/** CAF sessions before and after "now" (23 Nov 2026, 10:00), one cancelled, two either side of the BST change. */
export function fixtureCatalogue(): TrainingCatalogue {
  return {
    courses: [fixtureCourse(), fixtureCourse({ id: 'tac', title: 'Team Around the Child', acronyms: ['TAC'], aliases: [], relatedEntries: ['tac'] })],
    sessions: [
      fixtureSession('caf-past', '2026-11-10'),
      fixtureSession('caf-started', '2026-11-23', { start: london('2026-11-23T09:00'), end: london('2026-11-23T11:00') }),
      fixtureSession('caf-later-today', '2026-11-23', { start: london('2026-11-23T14:00'), end: london('2026-11-23T16:00') }),
      fixtureSession('caf-dec', '2026-12-08', { online: false, venue: 'County Hall' }),
      fixtureSession('caf-cancelled', '2026-12-15', { cancelled: true }),
      fixtureSession('caf-gmt', '2027-03-23'),
      fixtureSession('caf-bst', '2027-03-30'),
      fixtureSession('tac-jan', '2027-01-14', { courseId: 'tac' }),
    ],
  };
}
