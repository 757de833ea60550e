import { expect } from 'chai';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { movableClock } from '../../../helpers/testDelivery';
import { actionExecute, sendPersonal, TeamsPerson } from '../../../helpers/teamsTraffic';

const TOKEN = 'reader-targeting-token-123456';
const GROUP = '66666666-6666-6666-6666-666666666666';
const IN_GROUP = { id: '29:in-group', aadObjectId: 'aad-in-group' };
const LATE_IN_GROUP = { id: '29:late-in-group', aadObjectId: 'aad-late-in-group' };
const OUTSIDER = { id: '29:outsider', aadObjectId: 'aad-outsider' };

describe('"latest briefings" and card buttons follow directory targeting (Entra groups), as fan-out does', function () {
  this.timeout(30000);
  let bot: RunningBot;
  const connector = new FakeConnector();
  let serviceUrl: string;
  const clock = movableClock('2026-11-24T10:00:00');
  let briefingId = 0;

  /** Sends an activity from someone's personal chat, as Teams would, and returns the HTTP answer. */
  const send = (from: TeamsPerson, activity: Record<string, unknown>) => sendPersonal({ botUrl: bot.url, serviceUrl }, from, activity);
  const execute = (from: TeamsPerson, verb: string, data: Record<string, unknown>) => send(from, actionExecute(verb, data));
  const lastTo = (userId: string) => JSON.stringify(connector.calls.filter((c) => c.conversationId === `a:${userId}` && c.method === 'POST').pop()?.body ?? {});

  before(async () => {
    serviceUrl = await connector.start();
    bot = await startBot({ ADMIN_API_TOKEN: TOKEN }, { now: clock.now });
    for (const who of [IN_GROUP, OUTSIDER]) await send(who, { text: 'hi' });
    const { people, mapping } = bot.services.directory;
    await people.upsertPeople(
      [IN_GROUP, LATE_IN_GROUP, OUTSIDER].map((p) => ({ source: 'graph' as const, aadObjectId: p.aadObjectId, attributes: {}, enabled: true })),
      mapping(),
    );
    await people.replaceGroup(GROUP, [IN_GROUP.aadObjectId, LATE_IN_GROUP.aadObjectId]);
    const res = await fetch(`${bot.url}/api/briefings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'idempotency-key': 'group-reader-1' },
      body: JSON.stringify({
        title: 'Locality restructure',
        summary: 'Who moves where in spring.',
        topics: ['training'],
        audience: { groups: [GROUP] },
        urgent: true,
      }),
    });
    expect(res.status).to.equal(201);
    briefingId = ((await res.json()) as { id: number }).id;
    await bot.services.delivery.drain();
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('lists the briefing for a group member who says "latest briefings", and not for someone outside the group', async () => {
    await send(IN_GROUP, { text: 'latest briefings' });
    expect(lastTo(IN_GROUP.id)).to.match(/Locality restructure/);
    await send(OUTSIDER, { text: 'latest briefings' });
    expect(lastTo(OUTSIDER.id)).to.not.match(/Locality restructure/);
  });

  it('lets a group member who joined the chat after it was sent open it and press "Got it"; refuses the outsider', async () => {
    await send(LATE_IN_GROUP, { text: 'hi' });
    expect(await bot.services.briefings.wasSentTo(briefingId, LATE_IN_GROUP.id)).to.equal(false);
    await send(LATE_IN_GROUP, { text: 'latest briefings' });
    expect(lastTo(LATE_IN_GROUP.id)).to.match(/Locality restructure/);
    expect((await execute(LATE_IN_GROUP, 'briefing.show', { briefingId })).body).to.include({ statusCode: 200 });
    const ack = await execute(LATE_IN_GROUP, 'briefing.ack', { briefingId });
    expect(ack.body).to.include({ statusCode: 200 });
    expect((await bot.services.briefings.status(briefingId))!.counts).to.include({ opened: 1, sent: 1 });
    expect((await execute(OUTSIDER, 'briefing.ack', { briefingId })).body).to.include({ statusCode: 403 });
    expect((await execute(OUTSIDER, 'briefing.show', { briefingId })).body).to.include({ statusCode: 404 });
  });
});
