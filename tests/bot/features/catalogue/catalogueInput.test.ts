import { expect } from 'chai';
import { checkItem, newCatalogueErrors } from '../../../../bot/features/catalogue/catalogueInput';
import { CatalogueItem, catalogueOf, itemsOf } from '../../../../bot/features/catalogue/catalogueItems';
import { loadCheckedCatalogue } from '../../../../knowledge/training/checkedCatalogue';

const shipped = loadCheckedCatalogue();
const live = itemsOf(shipped);
const session = (id: string) => live.find((i): i is Extract<CatalogueItem, { kind: 'session' }> => i.kind === 'session' && i.record.id === id)!;
const course = (id: string) => live.find((i) => i.kind === 'course' && i.record.id === id)!;

describe('catalogue input checks', () => {
  it('turns the shipped catalogue into items and back without losing anything, in the YAML order', () => {
    const back = catalogueOf(
      live,
      shipped.courses.map((c) => c.id),
    );
    expect(back.courses).to.deep.equal(shipped.courses);
    expect(back.sessions.map((s) => [s.id, s.start.toISO(), s.end.toISO()])).to.deep.equal(shipped.sessions.map((s) => [s.id, s.start.toISO(), s.end.toISO()]));
  });

  it('applies changed fields over the record being edited; null clears an optional field', () => {
    const base = session('caf-2026-12-08');
    const checked = checkItem('session', { version: 3, online: true, venue: null, places_left: 4 }, live, { base });
    expect(checked.ok).to.equal(true);
    if (checked.ok) expect(checked.item.record).to.deep.include({ id: 'caf-2026-12-08', online: true, places_left: 4 }).and.not.have.property('venue');
  });

  it('refuses a changed id, an unknown field and markup nowhere: text with <script> is just text', () => {
    const base = session('caf-2026-12-08');
    expect(checkItem('session', { id: 'other' }, live, { base })).to.deep.include({ ok: false });
    const unknown = checkItem('session', { colour: 'red' }, live, { base });
    expect(unknown.ok).to.equal(false);
    const markup = checkItem('session', { venue: '<script>alert(1)</script>' }, live, { base });
    expect(markup.ok).to.equal(true);
  });

  it('lists every problem at once, own fields and times together', () => {
    const checked = checkItem(
      'session',
      { id: 'Bad Id', course: 'caf-lead-professional', start: '2027-03-28T01:30', end: 'soon', timezone: 'Europe/London', online: true, places_left: -1 },
      live,
    );
    expect(checked.ok).to.equal(false);
    if (!checked.ok) expect(checked.problems.map((p) => p.field)).to.have.members(['id', 'places_left', 'start', 'end']);
  });

  it('reports only the catalogue errors a change brings in, by field', () => {
    const taken = checkItem('course', { aliases: ['caf training'] }, live, { base: course('key-worker') });
    expect(taken).to.deep.equal({
      ok: false,
      problems: [{ field: 'course', message: 'course key-worker: the name "caf training" is also claimed by course caf-lead-professional' }],
    });
    // A problem the live catalogue already has never blocks an unrelated edit.
    const broken = live.map((i) => (i.kind === 'session' && i.record.id === 'ind-2026-12-03' ? { ...i, record: { ...i.record, course: 'gone' } } : i));
    expect(newCatalogueErrors(broken, [session('caf-2026-12-08')])).to.deep.equal([]);
  });
});
