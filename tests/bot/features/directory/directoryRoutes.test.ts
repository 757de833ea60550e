import { expect } from 'chai';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

const TOKEN = 'directory-admin-token-123';
const auth = { authorization: `Bearer ${TOKEN}` };
const importCsv = (bot: RunningBot, csv: string, headers: Record<string, string> = {}, query = '') =>
  fetch(`${bot.url}/api/directory/import${query}`, { method: 'POST', headers: { 'content-type': 'text/csv', ...auth, ...headers }, body: csv });

const GOOD = [
  'Email,Name,Department,Job title,Office location,Company name',
  'amy@partner.example,Amy Ash,Early Help,Family Support Worker,Coalville,Leicestershire County Council',
  '"bo@partner.example","Bo, Brown",Schools,Teaching Assistant,Hinckley,Leicestershire County Council',
].join('\r\n');

forEachEngine((engine) =>
  describe(`directory admin API (${engine})`, () => {
    let bot: RunningBot;
    let test: TestDatabase;
    before(async () => {
      test = await openTestDatabase(engine);
      bot = await startBot({ ADMIN_API_TOKEN: TOKEN }, { database: test.opened });
    });
    after(async () => {
      await bot.stop();
      await test.cleanup();
    });

    it('refuses anyone without the admin token (401) or with a wrong one (403), and imports nothing', async () => {
      const none = await fetch(`${bot.url}/api/directory/import`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'idempotency-key': 'k-attack' },
        body: GOOD,
      });
      expect(none.status).to.equal(401);
      const wrong = await importCsv(bot, GOOD, { authorization: 'Bearer guess', 'idempotency-key': 'k-attack' });
      expect(wrong.status).to.equal(403);
      for (const path of ['/api/directory/syncs', '/api/directory/groups']) expect((await fetch(`${bot.url}${path}`)).status).to.equal(401);
      expect((await fetch(`${bot.url}/api/directory/sync`, { method: 'POST' })).status).to.equal(401);
      expect(await bot.services.directory.people.enabledPeople()).to.have.length(0);
    });

    it('previews a file with the mapped targeting, without importing it', async () => {
      const res = await importCsv(bot, GOOD, {}, '?preview=true');
      expect(res.status).to.equal(200);
      const body = (await res.json()) as { rows: number; new: number; people: { email: string; name: string; targeting: Record<string, string> }[] };
      expect(body.rows).to.equal(2);
      expect(body.new).to.equal(2);
      expect(body.people[1]).to.include({ email: 'bo@partner.example', name: 'Bo, Brown' });
      expect(body.people[0].targeting).to.include({ role: 'family-support-worker', authority: 'leicestershire', locality: 'Coalville' });
      expect(await bot.services.directory.people.enabledPeople()).to.have.length(0);
    });

    it('lists every bad row with its line number and imports none of the file', async () => {
      const csv = [
        'email,name,department,job_title',
        'good@partner.example,Good Person,Schools,Teacher',
        'not-an-email,Bad One,Schools,Teacher',
        'good@partner.example,Twice,Schools,Teacher',
        `ctl@partner.example,Bell\u0007Char,Schools,Teacher`,
        'short@partner.example,Too Few',
      ].join('\n');
      const res = await importCsv(bot, csv, { 'idempotency-key': 'bad-rows-1' });
      expect(res.status).to.equal(422);
      const body = (await res.json()) as { problems: { field: string; message: string }[] };
      expect(body.problems.map((p) => p.field)).to.deep.equal(['line 3', 'line 4', 'line 5', 'line 6']);
      expect(body.problems[0].message).to.match(/email is not an email address/);
      expect(body.problems[1].message).to.match(/already on line 2/);
      expect(body.problems[2].message).to.match(/control characters/);
      expect(body.problems[3].message).to.match(/2 values; the header has 4/);
      expect(await bot.services.directory.people.person('hr:good@partner.example')).to.equal(undefined);
    });

    it('names unknown columns and a missing email column', async () => {
      const res = await importCsv(bot, 'name,salary\nA,1', { 'idempotency-key': 'bad-head' });
      expect(res.status).to.equal(422);
      const messages = ((await res.json()) as { problems: { message: string }[] }).problems.map((p) => p.message);
      expect(messages.join(' '))
        .to.match(/Unknown column "salary"/)
        .and.match(/no "email" column/);
    });

    it('imports once per Idempotency-Key: a retry replays the answer, a different file with the same key is refused', async () => {
      const first = await importCsv(bot, GOOD, { 'idempotency-key': 'hr-import-1' });
      expect(first.status).to.equal(200);
      const firstBody = await first.json();
      expect(firstBody).to.include({ imported: 2, new: 2, updated: 0 });
      const again = await importCsv(bot, GOOD, { 'idempotency-key': 'hr-import-1' });
      expect(again.status).to.equal(200);
      expect(await again.json()).to.deep.equal(firstBody);
      const other = await importCsv(bot, GOOD.replace('Amy Ash', 'Amy Ashworth'), { 'idempotency-key': 'hr-import-1' });
      expect(other.status).to.equal(409);
      expect((await bot.services.directory.people.person('hr:amy@partner.example'))?.displayName).to.equal('Amy Ash');
      const missingKey = await importCsv(bot, GOOD);
      expect(missingKey.status).to.equal(400);
    });

    it('stores a spreadsheet formula as plain text, never as anything that runs', async () => {
      const csv = 'email,name,department,job_title\nf@partner.example,"=HYPERLINK(""http://evil.example"",""x"")",+cmd|\' /C calc\'!A0,@SUM(1+1)\n';
      const res = await importCsv(bot, csv, { 'idempotency-key': 'formula-1' });
      expect(res.status).to.equal(200);
      const person = (await bot.services.directory.people.person('hr:f@partner.example'))!;
      expect(person.displayName).to.equal('=HYPERLINK("http://evil.example","x")');
      expect(person.attributes.department).to.equal("+cmd|' /C calc'!A0");
      expect(person.attributes.jobTitle).to.equal('@SUM(1+1)');
    });

    it('refuses a file over the row limit, and a body over the size limit, importing nothing', async () => {
      const many = ['email', ...Array.from({ length: 20001 }, (_, i) => `${i}@p.co`)].join('\n');
      const res = await importCsv(bot, many, { 'idempotency-key': 'too-many' });
      expect(res.status).to.equal(422);
      expect(JSON.stringify(await res.json())).to.match(/at most 20000/);
      const huge = await importCsv(bot, `email,name\n${'x'.repeat(300 * 1024)}@p.co,A`, { 'idempotency-key': 'too-big' });
      expect(huge.status).to.equal(413);
      expect(await bot.services.directory.people.person('hr:1@p.co')).to.equal(undefined);
    });

    it('refuses a body that is not CSV', async () => {
      const res = await fetch(`${bot.url}/api/directory/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'json-1', ...auth },
        body: JSON.stringify({ email: 'x@y.z' }),
      });
      expect(res.status).to.equal(415);
    });

    it('runs a sync on demand (mapping imported people again without Graph) and reports its progress', async () => {
      const res = await fetch(`${bot.url}/api/directory/sync`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: '{}' });
      expect(res.status).to.equal(202);
      const started = (await res.json()) as { sync_id: string; progress: string; graph: boolean };
      expect(started.graph).to.equal(false);
      await bot.services.directory.sync.finished();
      const progress = (await (await fetch(`${bot.url}${started.progress}`, { headers: auth })).json()) as { status: string; phase: string };
      expect(progress).to.include({ status: 'done', phase: 'done' });
      const bad = await fetch(`${bot.url}/api/directory/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ groups: ['not-a-guid'] }),
      });
      expect(bad.status).to.equal(422);
    });

    it('says installing the app is off without Graph and a catalogue app id, rather than pretending', async () => {
      const res = await fetch(`${bot.url}/api/directory/install`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ everyone: true }),
      });
      expect(res.status).to.equal(409);
      expect(((await res.json()) as { message: string }).message).to.match(/GRAPH_TEAMS_APP_ID/);
    });

    it('counts an audience by how its people can be reached: partners from HR files are in it but not reachable', async () => {
      const res = await fetch(`${bot.url}/api/directory/audience-count`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth },
        body: JSON.stringify({ authorities: ['leicestershire'] }),
      });
      expect(res.status).to.equal(200);
      const count = (await res.json()) as { in_audience: number; reachable_now: number; not_reachable: number; reasons: Record<string, number> };
      expect(count.in_audience).to.equal(2);
      expect(count.reachable_now).to.equal(0);
      expect(count.reasons).to.deep.equal({ 'partner staff (HR import) who have not opened a chat with the bot': 2 });
    });
  }),
);
