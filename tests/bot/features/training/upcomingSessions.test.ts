import { expect } from 'chai';
import { parseDatePhrase } from '../../../../bot/features/training/datePhrase';
import { describePlaces, describeSession } from '../../../../bot/features/training/sessionText';
import { describeFilter, listCourse, upcomingSessions } from '../../../../bot/features/training/upcomingSessions';
import { CatalogueIndex } from '../../../../knowledge/training/catalogueIndex';
import { fixtureCatalogue, fixtureSession, london } from './trainingFixtures';

const NOW = london('2026-11-23T10:00');

describe('upcoming sessions (injected clock)', () => {
  const index = new CatalogueIndex(fixtureCatalogue());
  const ids = (now = NOW, filter = {}) => upcomingSessions(index, 'caf', now, filter).map((s) => s.id);

  it('never lists past, started or cancelled sessions, and lists the rest in date order', () => {
    expect(ids()).to.deep.equal(['caf-later-today', 'caf-dec', 'caf-gmt', 'caf-bst']);
  });

  it('drops a session the moment it starts', () => {
    expect(ids(london('2026-11-23T13:59'))).to.include('caf-later-today');
    expect(ids(london('2026-11-23T14:00'))).to.not.include('caf-later-today');
  });

  it('keeps to a date window and to online or in-person sessions', () => {
    const december = parseDatePhrase('next month', NOW);
    if (december.kind !== 'window') throw new Error('expected a window');
    expect(ids(NOW, { window: december.window })).to.deep.equal(['caf-dec']);
    expect(ids(NOW, { mode: 'in-person' })).to.deep.equal(['caf-dec']);
    expect(ids(NOW, { mode: 'online' })).to.deep.equal(['caf-later-today', 'caf-gmt', 'caf-bst']);
  });

  it('shows the next three, or the next ones after a window that has none', () => {
    const course = index.course('caf')!;
    expect(listCourse(index, course, NOW).sessions.map((s) => s.id)).to.deep.equal(['caf-later-today', 'caf-dec', 'caf-gmt']);
    const february = parseDatePhrase('in february', NOW);
    if (february.kind !== 'window') throw new Error('expected a window');
    const listing = listCourse(index, course, NOW, { window: february.window });
    expect(listing.outsideWindow).to.equal(true);
    expect(listing.sessions.map((s) => s.id)).to.deep.equal(['caf-later-today', 'caf-dec', 'caf-gmt']);
    expect(describeFilter({ window: february.window, mode: 'online' })).to.equal('online sessions in February 2027');
  });

  it('shows local time on both sides of the clocks going forward (same 09:30, an hour apart in UTC)', () => {
    const gmt = index.session('caf-gmt')!;
    const bst = index.session('caf-bst')!;
    expect(describeSession(gmt)).to.equal('Tue 23 Mar 2027, 09:30\u201312:30, online');
    expect(describeSession(bst)).to.equal('Tue 30 Mar 2027, 09:30\u201312:30, online');
    expect(gmt.start.toUTC().toFormat('HH:mm')).to.equal('09:30');
    expect(bst.start.toUTC().toFormat('HH:mm')).to.equal('08:30');
  });

  it('describes a session in London time whatever zone its times were made in', () => {
    const session = fixtureSession('x', '2027-01-14', {
      online: false,
      venue: 'County Hall',
      start: london('2027-01-14T09:30').toUTC(),
      end: london('2027-01-14T12:30').toUTC(),
    });
    expect(describeSession(session)).to.equal('Thu 14 Jan 2027, 09:30\u201312:30, County Hall');
  });

  it('says how many places are left', () => {
    expect(describePlaces(fixtureSession('x', '2027-01-14', { placesLeft: 0 }))).to.equal('full: ask about the waiting list');
    expect(describePlaces(fixtureSession('x', '2027-01-14', { placesLeft: 1 }))).to.equal('1 place left');
    expect(describePlaces(fixtureSession('x', '2027-01-14', { placesLeft: 12 }))).to.equal('12 places left');
  });
});
