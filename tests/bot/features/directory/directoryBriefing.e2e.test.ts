import { expect } from 'chai';
import { directoryBotSuite, installedChatId } from '../../../helpers/directoryBot';
import { movableClock } from '../../../helpers/testDelivery';

const TOKEN = 'directory-e2e-admin-token';
const GROUP = '55555555-5555-5555-5555-555555555555';
const oid = (i: number) => `bbbbbbbb-0000-0000-0000-${String(i).padStart(12, '0')}`;

describe('a briefing to an Entra group reaches people who never chatted with the bot (Graph stand-in, end to end)', function () {
  this.timeout(60000);
  const clock = movableClock('2026-11-24T10:00:00');
  // The Bot Connector lists each new chat's member with their Teams id; for person 5 it fails, so their chat is kept under their object id.
  const suite = directoryBotSuite({
    token: TOKEN,
    catalogAppId: 'catalog-app-e2e',
    teamsIdOf: (aad) => (aad === oid(5) ? undefined : `29:teams-${aad.slice(-2)}`),
    overrides: { now: clock.now },
  });
  const { graph, api } = suite;

  before(() => {
    graph.pageSize = 3;
    for (let i = 1; i <= 8; i++)
      graph.users.push({
        id: oid(i),
        displayName: `Worker ${i}`,
        jobTitle: i % 2 ? 'Youth Worker' : 'Teacher',
        companyName: 'Newcastle City Council',
        accountEnabled: true,
      });
    graph.groups.set(GROUP, [oid(1), oid(2), oid(3), oid(4), oid(5)]);
  });

  it('syncs the directory, installs the app, and sends one card to each group member in the chat read back', async () => {
    const before = await api('/api/directory/audience-count', { groups: [GROUP] });
    expect(((await before.json()) as { in_audience: number }).in_audience).to.equal(0); // the group is not read yet

    const started = (await (await api('/api/directory/sync', { groups: [GROUP] })).json()) as { sync_id: string; graph: boolean; installs: boolean };
    expect(started).to.include({ graph: true, installs: true });
    await suite.bot.services.directory.sync.finished();
    const progress = (await (await api(`/api/directory/syncs/${started.sync_id}`)).json()) as Record<string, unknown>;
    expect(progress).to.include({ status: 'done', users: 8, groups: 1, installed: 8, install_problems: 0 });

    const count = (await (await api('/api/directory/audience-count', { groups: [GROUP], roles: ['youth-worker'] })).json()) as Record<string, unknown>;
    expect(count).to.include({ in_audience: 3, reachable_now: 3, needs_install: 0, not_reachable: 0 });

    const created = await api(
      '/api/briefings',
      { title: 'Youth service changes', summary: 'What changes in January.', audience: { groups: [GROUP] }, topics: ['youth'] },
      'group-briefing-1',
    );
    expect(created.status).to.equal(201);
    expect(((await created.json()) as { recipients: number }).recipients).to.equal(5);
    await suite.bot.services.delivery.drain();
    expect(suite.sentTo().sort()).to.deep.equal([1, 2, 3, 4, 5].map((i) => installedChatId(oid(i))).sort());
    // Copies are addressed to the Teams ids read from each chat, so "Got it" from the card matches its copy.
    const records = (await suite.bot.services.briefings.status(1))!;
    expect(records.counts).to.include({ sent: 5 });
    const rows = await suite.bot.services.store.db.selectFrom('outbox').select('user_id').execute();
    expect(rows.map((r) => r.user_id).sort()).to.deep.equal(['29:teams-01', '29:teams-02', '29:teams-03', '29:teams-04', `aad:${oid(5)}`]);
  });

  it('installs the app at once for the people of an audience who still need it, then they are reachable', async () => {
    const newcomer = oid(9);
    graph.users.push({ id: newcomer, displayName: 'New starter', jobTitle: 'Youth Worker', companyName: 'Newcastle City Council', accountEnabled: true });
    const { people } = suite.bot.services.directory;
    await people.upsertPeople(
      [{ source: 'graph', aadObjectId: newcomer, displayName: 'New starter', attributes: { jobTitle: 'Youth Worker' }, enabled: true }],
      suite.bot.services.directory.mapping(),
    );
    await people.replaceGroup(GROUP, [oid(1), oid(2), oid(3), oid(4), oid(5), newcomer]);
    const before = (await (await api('/api/directory/audience-count', { groups: [GROUP] })).json()) as Record<string, unknown>;
    expect(before).to.include({ in_audience: 6, reachable_now: 5, needs_install: 1 });
    const started = await api('/api/directory/install', { groups: [GROUP] });
    expect(started.status).to.equal(202);
    const body = (await started.json()) as { installing: number; sync_id: string };
    expect(body.installing).to.equal(1);
    await suite.bot.services.directory.sync.finished();
    expect((await (await api(`/api/directory/syncs/${body.sync_id}`)).json()) as Record<string, unknown>).to.include({
      trigger: 'install',
      status: 'done',
      installed: 1,
    });
    const after = (await (await api('/api/directory/audience-count', { groups: [GROUP] })).json()) as Record<string, unknown>;
    expect(after).to.include({ in_audience: 6, reachable_now: 6, needs_install: 0 });
    expect([...(graph.installed.get(newcomer)?.keys() ?? [])]).to.deep.equal(['catalog-app-e2e']);
  });
});
