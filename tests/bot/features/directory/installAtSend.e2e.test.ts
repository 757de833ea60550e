import { expect } from 'chai';
import { directoryBotSuite, installedChatId } from '../../../helpers/directoryBot';
import { movableClock } from '../../../helpers/testDelivery';

const TOKEN = 'install-at-send-admin-token';
const GROUP = '99999999-9999-9999-9999-999999999999';
const oid = (i: number) => `dddddddd-0000-0000-0000-${String(i).padStart(12, '0')}`;

describe('a briefing to directory people without the app installs it at send time (Graph stand-in, end to end)', function () {
  this.timeout(60000);
  const clock = movableClock('2026-11-24T10:00:00');
  const suite = directoryBotSuite({
    token: TOKEN,
    catalogAppId: 'catalog-app-at-send',
    teamsIdOf: (aad) => `29:teams-${aad.slice(-2)}`,
    overrides: { now: clock.now },
  });
  const { graph, api } = suite;

  before(async () => {
    for (let i = 1; i <= 3; i++) graph.users.push({ id: oid(i), displayName: `Worker ${i}`, accountEnabled: true });
    graph.groups.set(GROUP, [oid(1), oid(2), oid(3)]);
    // The tenant has not consented to installing the app for person 3.
    graph.forbidInstall.add(oid(3));
    // The directory knows them (as a sync without installs would leave it); nobody has the app yet.
    const { people, mapping } = suite.bot.services.directory;
    await people.upsertPeople(
      [1, 2, 3].map((i) => ({ source: 'graph' as const, aadObjectId: oid(i), displayName: `Worker ${i}`, attributes: {}, enabled: true })),
      mapping(),
    );
    await people.replaceGroup(GROUP, [oid(1), oid(2), oid(3)], undefined, 'Youth workers');
  });

  it('queues everyone in the group, installs the app on first send, sends in the chat read back, and records why an install was refused', async () => {
    const count = (await (await api('/api/directory/audience-count', { groups: [GROUP] })).json()) as Record<string, unknown>;
    expect(count).to.include({ in_audience: 3, reachable_now: 0, needs_install: 3 });
    const created = await api(
      '/api/briefings',
      { title: 'Youth service changes', summary: 'What changes in January.', audience: { groups: [GROUP] }, topics: ['youth'], urgent: true },
      'install-at-send-1',
    );
    expect(created.status).to.equal(201);
    expect(((await created.json()) as { recipients: number }).recipients).to.equal(3);
    await suite.bot.services.delivery.drain();
    const installs = graph.graphCalls().filter((c) => c.method === 'POST' && c.path.endsWith('/teamwork/installedApps'));
    expect(installs.map((c) => c.path).sort()).to.deep.equal([1, 2, 3].map((i) => `/v1.0/users/${oid(i)}/teamwork/installedApps`).sort());
    expect(suite.sentTo().sort()).to.deep.equal([installedChatId(oid(1)), installedChatId(oid(2))]);
    const id = (await suite.bot.services.briefings.findByTitle('Youth service changes'))!.id;
    expect((await suite.bot.services.briefings.status(id))!.counts).to.include({ sent: 2, unreachable: 1 });
    const csv = (await suite.bot.services.briefings.deliveriesCsv(id))!;
    expect(csv)
      .to.match(/29:teams-01,sent/)
      .and.match(/29:teams-02,sent/);
    expect(csv).to.match(new RegExp(`aad:${oid(3)},unreachable,1,,,.*consent missing`));
    // The two who got it now count as reachable; the refused install is reported as not reachable, with why.
    const after = (await (await api('/api/directory/audience-count', { groups: [GROUP] })).json()) as {
      reachable_now: number;
      not_reachable: number;
      reasons: Record<string, number>;
    };
    expect(after).to.include({ reachable_now: 2, not_reachable: 1 });
    expect(Object.keys(after.reasons)).to.have.length(1);
    expect(Object.keys(after.reasons)[0]).to.match(/consent missing/);
  });

  it('tries an install that failed in an outage again on the next briefing, but not one refused for consent', async () => {
    const outage = oid(4);
    graph.users.push({ id: outage, displayName: 'Worker 4', accountEnabled: true });
    const { people, mapping } = suite.bot.services.directory;
    await people.upsertPeople([{ source: 'graph', aadObjectId: outage, attributes: {}, enabled: true }], mapping());
    await people.saveInstall({ aadObjectId: outage, status: 'failed', problem: 'installing the app failed with 503', httpStatus: 503 });
    const count = (await (await api('/api/directory/audience-count', { everyone: true })).json()) as Record<string, unknown>;
    expect(count).to.include({ needs_install: 1, not_reachable: 1 });
    const created = await api(
      '/api/briefings',
      { title: 'Outage retry', summary: 'Everyone.', audience: { everyone: true }, topics: ['youth'], urgent: true },
      'install-at-send-outage',
    );
    expect(((await created.json()) as { recipients: number }).recipients).to.equal(3);
    await suite.bot.services.delivery.drain();
    const id = (await suite.bot.services.briefings.findByTitle('Outage retry'))!.id;
    expect((await suite.bot.services.briefings.status(id))!.counts).to.include({ sent: 3 });
    expect(graph.installed.get(outage)?.has('catalog-app-at-send')).to.equal(true);
  });

  it('sends the next briefing to the same people without installing again', async () => {
    const before = graph.graphCalls().filter((c) => c.method === 'POST').length;
    const created = await api(
      '/api/briefings',
      { title: 'Second notice', summary: 'A follow-up.', audience: { groups: [GROUP] }, topics: ['youth'], urgent: true },
      'install-at-send-2',
    );
    // Person 3's refused install is not tried again: only a sync (after consent is granted) retries it.
    expect(created.status).to.equal(201);
    await suite.bot.services.delivery.drain();
    expect(graph.graphCalls().filter((c) => c.method === 'POST').length).to.equal(before);
    const id = (await suite.bot.services.briefings.findByTitle('Second notice'))!.id;
    expect((await suite.bot.services.briefings.status(id))!.counts).to.include({ sent: 2 });
  });

  it('tries a refused install again at the next send once its wait has passed, waiting twice as long after each refusal in a row', async () => {
    const refusedInstalls = () => graph.graphCalls().filter((c) => c.method === 'POST' && c.path === `/v1.0/users/${oid(3)}/teamwork/installedApps`).length;
    const brief = async (title: string) => {
      const created = await api(
        '/api/briefings',
        { title, summary: 'A follow-up.', audience: { groups: [GROUP] }, topics: ['youth'], urgent: true },
        title.replace(/\s/g, '-'),
      );
      expect(created.status).to.equal(201);
      await suite.bot.services.delivery.drain();
      return (await suite.bot.services.briefings.status((await suite.bot.services.briefings.findByTitle(title))!.id))!.counts;
    };
    const tried = refusedInstalls();
    // An hour after the first refusal, the next briefing tries again; consent is still missing, so it is refused a second time.
    clock.advance({ hours: 1, minutes: 1 });
    expect(await brief('Third notice')).to.include({ sent: 2, unreachable: 1 });
    expect(refusedInstalls()).to.equal(tried + 1);
    // After a second refusal the wait is two hours: an hour later person 3 is still left out, and Graph is not asked.
    clock.advance({ hours: 1, minutes: 1 });
    expect(await brief('Fourth notice')).to.include({ sent: 2, unreachable: 0 });
    expect(refusedInstalls()).to.equal(tried + 1);
    // An admin grants consent; once the two hours have passed, the next briefing installs the app and reaches them.
    graph.forbidInstall.delete(oid(3));
    clock.advance({ hours: 1 });
    expect(await brief('Fifth notice')).to.include({ sent: 3 });
    expect(graph.installed.get(oid(3))?.has('catalog-app-at-send')).to.equal(true);
    expect(suite.sentTo()).to.include(installedChatId(oid(3)));
  });
});
