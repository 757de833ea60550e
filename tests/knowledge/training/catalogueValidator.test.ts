import { expect } from 'chai';
import { DateTime } from 'luxon';
import { Course, Session, TrainingCatalogue } from '../../../knowledge/training/catalogue';
import { validateCatalogue } from '../../../knowledge/training/catalogueValidator';

const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });
const NOW = at('2026-11-23T10:00');

const course = (extra: Partial<Course> = {}): Course => ({
  id: 'caf',
  title: 'CAF training',
  summary: 'How to do a CAF.',
  provider: 'Provider (SAMPLE DATA)',
  contact: 'test@example.org',
  bookingUrl: 'https://example.org/book',
  audience: { sectors: ['all'], roles: [] },
  level: 'introductory',
  delivery: 'online',
  duration: '2 hours',
  commonCore: [],
  mandatory: [],
  acronyms: ['CAF'],
  aliases: [],
  tags: [],
  relatedEntries: ['caf'],
  ...extra,
});

const session = (extra: Partial<Session> = {}): Session => ({
  id: 'caf-1',
  courseId: 'caf',
  start: at('2027-01-14T09:30'),
  end: at('2027-01-14T12:30'),
  timezone: 'Europe/London',
  online: true,
  placesLeft: 5,
  cancelled: false,
  ...extra,
});

const problemsOf = (catalogue: TrainingCatalogue, entryIds?: string[]) =>
  validateCatalogue(catalogue, { now: NOW, entryIds: entryIds ? new Set(entryIds) : undefined }).map((p) => `${p.level} ${p.file}: ${p.message}`);

describe('validateCatalogue', () => {
  it('passes a good catalogue', () => {
    expect(problemsOf({ courses: [course()], sessions: [session()] }, ['caf'])).to.deep.equal([]);
  });

  const cases: [string, TrainingCatalogue, RegExp][] = [
    [
      'a course id used twice',
      { courses: [course(), course({ acronyms: [] })], sessions: [session()] },
      /error courses\.yaml: course caf: the id is used twice/,
    ],
    ['a session id used twice', { courses: [course()], sessions: [session(), session()] }, /error sessions\.yaml: session caf-1: the id is used twice/],
    [
      'a session of an unknown course',
      { courses: [course()], sessions: [session(), session({ id: 'x-1', courseId: 'nope' })] },
      /session x-1\.course: "nope" is not a course/,
    ],
    [
      'a session that ends before it starts',
      { courses: [course()], sessions: [session({ end: at('2027-01-14T09:00') })] },
      /session caf-1: it must end after it starts/,
    ],
    ['a session that ends as it starts', { courses: [course()], sessions: [session({ end: at('2027-01-14T09:30') })] }, /must end after it starts/],
    [
      'a booking link over plain http',
      { courses: [course({ bookingUrl: 'http://example.org/book' })], sessions: [session()] },
      /booking_url: "http:\/\/example\.org\/book" must be an https:\/\/ link/,
    ],
    ['a booking link that is not a link', { courses: [course({ bookingUrl: 'ring Jo' })], sessions: [session()] }, /must be an https:\/\/ link/],
    ['a session booking link over http', { courses: [course()], sessions: [session({ bookingUrl: 'http://x.example' })] }, /session caf-1\.booking_url/],
    [
      'a mandatory rule naming an unknown role',
      { courses: [course({ mandatory: [{ roles: ['astronaut'], withinMonths: 3 }] })], sessions: [session()] },
      /mandatory\[0\]\.roles: "astronaut" is not a known role/,
    ],
    [
      'an audience naming an unknown sector',
      { courses: [course({ audience: { sectors: ['space'], roles: [] } })], sessions: [session()] },
      /audience\.sectors: "space" is not a known sector/,
    ],
    [
      'an audience naming an unknown role',
      { courses: [course({ audience: { sectors: ['all'], roles: ['pilot'] } })], sessions: [session()] },
      /audience\.roles: "pilot" is not a known role/,
    ],
    [
      'a name claimed by two courses',
      { courses: [course(), course({ id: 'other' })], sessions: [session(), session({ id: 'o-1', courseId: 'other' })] },
      /course other: the name "caf" is also claimed by course caf/,
    ],
  ];
  for (const [name, catalogue, message] of cases) {
    it(`fails ${name}`, () => expect(problemsOf(catalogue).join('\n')).to.match(message));
  }

  it('fails a related entry the knowledge base does not hold, when given the entry ids', () => {
    const catalogue = { courses: [course({ relatedEntries: ['caf', 'nothing-here'] })], sessions: [session()] };
    expect(problemsOf(catalogue, ['caf'])).to.deep.equal(['error courses.yaml: course caf.related_entries: "nothing-here" is not a knowledge-base entry']);
  });

  it('accepts "all" as the roles of a mandatory rule', () => {
    expect(problemsOf({ courses: [course({ mandatory: [{ roles: ['all'], withinMonths: 3 }] })], sessions: [session()] })).to.deep.equal([]);
  });

  it('warns, without failing, on a course with no upcoming session (past and cancelled ones do not count)', () => {
    const catalogue = {
      courses: [course()],
      sessions: [session({ start: at('2026-11-01T09:30'), end: at('2026-11-01T12:30') }), session({ id: 'caf-2', cancelled: true })],
    };
    expect(problemsOf(catalogue)).to.deep.equal(['warning sessions.yaml: course caf has no upcoming session; staff will be told to contact test@example.org']);
  });

  it('counts a session that started this morning as past', () => {
    const catalogue = { courses: [course()], sessions: [session({ start: at('2026-11-23T09:00'), end: at('2026-11-23T11:00') })] };
    expect(problemsOf(catalogue)).to.have.length(1);
  });
});
