import { expect } from 'chai';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { adminApiClient } from '../../../helpers/adminApiClient';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

const TOKEN = 'catalogue-admin-token-for-tests';

/** A new CAF session as an LMS or a script would send it. */
const newSession = (overrides: Record<string, unknown> = {}) => ({
  id: 'caf-2026-12-15',
  course: 'caf-lead-professional',
  start: '2026-12-15T13:30',
  end: '2026-12-15T16:30',
  timezone: 'Europe/London',
  venue: 'Riverside Family Hub, Room 3',
  places_left: 11,
  ...overrides,
});

const HEADER = 'id,course,start,end,venue,online,places_left';

forEachEngine((engine) =>
  describe(`training catalogue admin API (${engine})`, () => {
    let bot: RunningBot;
    let test: TestDatabase;
    let keys = 0;
    before(async () => {
      test = await openTestDatabase(engine);
      bot = await startBot({ ADMIN_API_TOKEN: TOKEN, CONTENT_POLL_MS: '60000' }, { database: test.opened });
    });
    after(async () => {
      await bot.stop();
      await test.cleanup();
    });

    const { call, postCsv } = adminApiClient(() => bot.url, TOKEN);
    const importCsv = (csv: string, query = '', key = `import-${++keys}`) => postCsv(`/api/catalogue/sessions/import${query}`, csv, { 'idempotency-key': key });
    const chat = async (q: string) => (await call('POST', '/api/content/ask', { q, draft: false })).body.text as string;

    it('refuses requests without the admin token and changes nothing', async () => {
      expect((await fetch(`${bot.url}/api/catalogue`)).status).to.equal(401);
      const res = await fetch(`${bot.url}/api/catalogue/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k-attack' },
        body: JSON.stringify(newSession()),
      });
      expect(res.status).to.equal(401);
      const imported = await fetch(`${bot.url}/api/catalogue/sessions/import`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'idempotency-key': 'k-attack2' },
        body: `${HEADER}\nx-1,caf-lead-professional,2027-01-01T09:00,2027-01-01T10:00,Hall,,3`,
      });
      expect(imported.status).to.equal(401);
      expect(await bot.services.catalogue.store.get('session:caf-2026-12-15')).to.equal(undefined);
    });

    it('lists the shipped catalogue, seeded into the database as version 1 of each course and session', async () => {
      const { status, body } = await call('GET', '/api/catalogue');
      expect(status).to.equal(200);
      const shipped = bot.services.training.finder.index.catalogue;
      expect(body.items.filter((i: { kind: string }) => i.kind === 'course')).to.have.length(shipped.courses.length);
      expect(body.items.filter((i: { kind: string }) => i.kind === 'session')).to.have.length(shipped.sessions.length);
      expect(body.items.find((i: { id: string }) => i.id === 'caf-2026-12-08')).to.include({
        kind: 'session',
        course: 'caf-lead-professional',
        title: 'CAF and the lead professional',
        live_version: 1,
        has_draft: false,
      });
    });

    it('answers 422 listing every problem with a new session, including the whole-catalogue checks', async () => {
      const own = await call('POST', '/api/catalogue/sessions', newSession({ places_left: -1, online: true, start: '2026-12-15 13:30' }), {
        'idempotency-key': `k-${++keys}`,
      });
      expect(own.status).to.equal(422);
      expect(own.body.problems.map((p: { field: string }) => p.field)).to.include.members(['places_left', 'venue', 'start']);
      const wider = await call(
        'POST',
        '/api/catalogue/sessions',
        newSession({ course: 'no-such-course', end: '2026-12-15T12:00', booking_url: 'http://plain.example/book' }),
        { 'idempotency-key': `k-${++keys}` },
      );
      expect(wider.status).to.equal(422);
      expect(wider.body.problems.map((p: { field: string }) => p.field)).to.include.members(['course', 'booking_url', 'session']);
      expect(wider.body.errors.join(' ')).to.contain('it must end after it starts');
    });

    it('creates a draft once per Idempotency-Key; only publishing puts it in chat, without a restart', async () => {
      const first = await call('POST', '/api/catalogue/sessions', newSession(), { 'idempotency-key': 'same-key' });
      expect(first.status).to.equal(201);
      expect(first.body).to.include({ kind: 'session', id: 'caf-2026-12-15', status: 'draft', version: 1 });
      expect(await call('POST', '/api/catalogue/sessions', newSession(), { 'idempotency-key': 'same-key' })).to.deep.equal(first);
      expect((await call('POST', '/api/catalogue/sessions', newSession(), { 'idempotency-key': `k-${++keys}` })).status).to.equal(409);
      expect(await chat('caf training in december')).to.not.contain('Riverside Family Hub');

      const published = await call('POST', '/api/catalogue/sessions/caf-2026-12-15/publish', { version: 1 });
      expect(published.status).to.equal(200);
      expect(published.body).to.include({ status: 'live', live_version: 1 });
      expect(await chat('caf training in december')).to.contain('Riverside Family Hub, Room 3');
    });

    it('edits with the version read, refuses a stale one as a conflict, and keeps every version with a diff', async () => {
      const read = await call('GET', '/api/catalogue/courses/caf-lead-professional');
      expect(read.status).to.equal(200);
      expect(read.body.live.title).to.equal('CAF and the lead professional');
      const saved = await call('PATCH', '/api/catalogue/courses/caf-lead-professional', { version: read.body.version, duration: 'one full day' });
      expect(saved.status).to.equal(200);
      const stale = await call('PATCH', '/api/catalogue/courses/caf-lead-professional', { version: read.body.version, duration: 'two days' });
      expect(stale.status).to.equal(409);
      expect(stale.body.message).to.contain('Someone else changed');
      expect((await call('PATCH', '/api/catalogue/courses/caf-lead-professional', { duration: 'two days' })).body.problems[0].field).to.equal('version');
      expect((await call('POST', '/api/catalogue/courses/caf-lead-professional/publish', { version: saved.body.version })).status).to.equal(200);
      expect(await chat('caf training in december')).to.contain('one full day');
      const versions = await call('GET', '/api/catalogue/courses/caf-lead-professional/versions');
      expect(versions.body.versions.map((v: { version: number }) => v.version)).to.deep.equal([2, 1]);
      expect(versions.body.versions[0].diff).to.equal('duration: "half a day" → "one full day"');
      const restored = await call('POST', '/api/catalogue/courses/caf-lead-professional/versions/1/restore', { version: saved.body.version + 1 });
      expect(restored.status).to.equal(200);
      expect((await call('GET', '/api/catalogue/courses/caf-lead-professional')).body.draft.duration).to.equal('half a day');
      expect((await call('GET', '/api/catalogue/courses/no-such-course')).status).to.equal(404);
      expect((await call('GET', '/api/catalogue/lectures/x')).status).to.equal(404);
    });

    it('previews an LMS export: sessions to add and change, and every bad row with its line and reason', async () => {
      const csv = [
        HEADER,
        'caf-2027-06-08,caf-lead-professional,2027-06-08 09:30,2027-06-08 12:30,County Hall,,8',
        'caf-2026-12-08,caf-lead-professional,2026-12-08T09:30,2026-12-08T12:30,County Hall (Room 4),,2',
        'bad-course-1,no-such-course,2027-06-09T09:30,2027-06-09T12:30,County Hall,,8',
        'bad-time-1,caf-lead-professional,2027-03-28T01:30,2027-03-28T03:00,County Hall,,8',
        'bad-places,caf-lead-professional,2027-06-10T09:30,2027-06-10T12:30,County Hall,,lots',
      ].join('\n');
      const before = await call('GET', '/api/catalogue');
      const preview = await importCsv(csv, '?preview=true');
      expect(preview.status).to.equal(200);
      expect(preview.body.add.map((r: { id: string; line: number }) => [r.id, r.line])).to.deep.equal([['caf-2027-06-08', 2]]);
      expect(preview.body.change.map((r: { id: string }) => r.id)).to.deep.equal(['caf-2026-12-08']);
      expect(preview.body.change[0].changes).to.include('places_left: 9 → 2');
      expect(preview.body.problems.map((p: { field: string }) => p.field)).to.deep.equal(['line 4', 'line 5', 'line 6']);
      expect(preview.body.problems[0].message).to.contain('no-such-course');
      expect(preview.body.problems[1].message).to.contain('clocks go forward');
      expect(preview.body.problems[2].message).to.contain('places_left');

      const refused = await importCsv(csv);
      expect(refused.status).to.equal(422);
      expect(refused.body.problems).to.have.length(3);
      expect(await call('GET', '/api/catalogue')).to.deep.equal(before);
    });

    it('imports a good export in one go, once per Idempotency-Key, and chat offers the new sessions at once', async () => {
      const csv = [
        HEADER,
        'caf-2027-06-08,caf-lead-professional,2027-06-08T09:30,2027-06-08T12:30,Westgate Library,,8',
        'caf-2027-06-22,caf-lead-professional,2027-06-22T09:30,2027-06-22T12:30,,yes,30',
      ].join('\r\n');
      const imported = await importCsv(csv, '', 'import-key');
      expect(imported.status).to.equal(200);
      expect(imported.body).to.include({ mode: 'import', added: 2, changed: 0 });
      expect(await importCsv(csv, '', 'import-key')).to.deep.equal(imported);
      const text = await chat('caf training in june 2027');
      expect(text).to.contain('Westgate Library');
      const versions = await call('GET', '/api/catalogue/sessions/caf-2027-06-22/versions');
      expect(versions.body.versions[0].author).to.equal('admin-api (CSV import)');
      expect((await importCsv(csv, '', 'import-key-2')).body).to.include({ added: 0, changed: 0, unchanged: 2 });
    });

    it('takes CSV only, and a key for a real import', async () => {
      const json = await fetch(`${bot.url}/api/catalogue/sessions/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'idempotency-key': 'k-json' },
        body: '{}',
      });
      expect(json.status).to.equal(415);
      const noKey = await fetch(`${bot.url}/api/catalogue/sessions/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/csv' },
        body: HEADER,
      });
      expect(noKey.status).to.equal(400);
    });
  }),
);
