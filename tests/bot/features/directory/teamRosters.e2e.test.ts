import { expect } from 'chai';
import { ConnectorCall, FakeConnector } from '../../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { movableClock } from '../../../helpers/testDelivery';
import { adminPost, sendInTeam } from '../../../helpers/teamsTraffic';

const TOKEN = 'roster-admin-token-1234567890';
const TENANT = 'tenant-roster';
const TEAM = '19:children-services-team@thread.tacv2';
const BOT = '28:roster-bot';

/** A roster of people who have never chatted with the bot, served two to a page as the connector pages it. */
const ROSTER = ['29:ann', '29:bea', '29:cal', '29:dev', '29:eli'].map((id, i) => ({
  id,
  name: `Person ${i}`,
  aadObjectId: `aad-${i}`,
  email: `p${i}@council.example.gov.uk`,
  userRole: 'user',
}));

describe('Teams rosters, end to end: a briefing reaches team members who never chatted', function () {
  this.timeout(30000);
  let bot: RunningBot;
  const connector = new FakeConnector();
  let serviceUrl: string;
  const clock = movableClock('2026-11-24T10:00:00');
  let roster = ROSTER;

  /** Answers the paged members API from `roster`; the continuation token is the next index. */
  function rosterPage(call: ConnectorCall) {
    const url = new URL(call.url, 'http://x');
    if (call.method !== 'GET' || !url.pathname.endsWith('/pagedmembers')) return undefined;
    expect(decodeURIComponent(url.pathname)).to.equal(`/v3/conversations/${TEAM}/pagedmembers`);
    const from = Number(url.searchParams.get('continuationToken') ?? 0);
    const size = Math.min(2, Number(url.searchParams.get('pageSize')));
    const next = from + size < roster.length ? String(from + size) : undefined;
    // The bot itself is listed too, and must never become a recipient.
    const members = [...roster.slice(from, from + size), ...(from === 0 ? [{ id: BOT, name: 'Bot', userRole: 'bot' }] : [])];
    return { status: 200, body: { members, continuationToken: next } };
  }

  const team = { id: TEAM, name: 'Children services', tenantId: TENANT, botId: BOT };
  async function activity(body: Record<string, unknown>) {
    expect((await sendInTeam({ botUrl: bot.url, serviceUrl }, team, body)).status).to.be.lessThan(300);
    await bot.services.rosterSync.idle();
  }
  const brief = (title: string, audience: Record<string, unknown> = { everyone: true }) =>
    adminPost(
      bot.url,
      TOKEN,
      '/api/briefings',
      { title, summary: 'What changes this month.', body: 'More detail.', topics: ['training'], audience, urgent: true },
      `key-${title.replace(/\W/g, '-')}`,
    );
  const created = () => connector.calls.filter((c) => c.method === 'POST' && /\/v3\/conversations\/?$/.test(new URL(c.url, 'http://x').pathname));

  before(async () => {
    serviceUrl = await connector.start();
    connector.respond = rosterPage;
    bot = await startBot({ ADMIN_API_TOKEN: TOKEN }, { now: clock.now });
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });

  it('refuses a briefing with EmptyAudience while no team has the app and nobody has chatted', async () => {
    const res = await brief('Before install');
    expect(res.status).to.equal(422);
    expect(await res.json()).to.include({ error: 'EmptyAudience' });
  });

  it('records the team and reads its whole roster, page by page, when the app is installed', async () => {
    await activity({ type: 'installationUpdate', action: 'add' });
    const pages = connector.calls.filter((c) => c.url.includes('/pagedmembers'));
    expect(pages).to.have.length(3);
    expect(await bot.services.store.rosters.team(TEAM)).to.include({
      active: true,
      tenantId: TENANT,
      botId: BOT,
      name: 'Children services',
      generalChannelId: TEAM,
    });
    expect((await bot.services.store.rosters.membersOf(TEAM)).map((m) => m.userId)).to.deep.equal(ROSTER.map((m) => m.id));
  });

  it('delivers the README-style briefing to every roster member, opening each personal chat once and storing it', async () => {
    const res = await brief('Induction changes');
    expect(res.status).to.equal(201);
    expect(await res.json()).to.include({ recipients: 5 });
    await bot.services.delivery.drain();
    const opened = created();
    expect(opened).to.have.length(5);
    for (const call of opened) {
      expect(call.body).to.deep.include({ isGroup: false, bot: { id: BOT }, tenantId: TENANT });
      expect(call.body?.channelData).to.deep.equal({ tenant: { id: TENANT } });
    }
    expect(opened.map((c) => (c.body?.members as { id: string }[])[0].id).sort()).to.deep.equal(ROSTER.map((m) => m.id));
    const chat = await bot.services.store.conversations.personalChat('29:ann');
    expect(chat).to.include({ scope: 'personal', tenantId: TENANT, aadObjectId: 'aad-0' });
    const sentToAnn = connector.calls.filter((c) => c.conversationId === chat!.conversationId && c.body?.type === 'message');
    expect(JSON.stringify(sentToAnn.map((c) => c.body))).to.match(/Induction changes/);
    // None went to the bot itself.
    expect(JSON.stringify(opened.map((c) => c.body?.members))).to.not.include(BOT);
  });

  it('sends the next briefing through the stored chats without opening new ones', async () => {
    const before = created().length;
    expect((await brief('Second briefing')).status).to.equal(201);
    await bot.services.delivery.drain();
    expect(created().length).to.equal(before);
    expect(await bot.services.briefings.findByTitle('Second briefing')).to.include({ recipients: 5 });
  });

  it('adds people who join the team and drops people who leave it', async () => {
    connector.respond = (call) => {
      if (call.method === 'GET' && call.url.includes('/members/29%3Afay'))
        return { status: 200, body: { id: '29:fay', name: 'Fay', aadObjectId: 'aad-fay', email: 'fay@council.example.gov.uk' } };
      return rosterPage(call);
    };
    await activity({
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:fay', aadObjectId: 'aad-fay' }],
      channelData: { team: { id: TEAM }, eventType: 'teamMemberAdded', tenant: { id: TENANT } },
    });
    await activity({
      type: 'conversationUpdate',
      membersRemoved: [{ id: '29:eli' }],
      channelData: { team: { id: TEAM }, eventType: 'teamMemberRemoved', tenant: { id: TENANT } },
    });
    const members = (await bot.services.store.rosters.membersOf(TEAM)).map((m) => m.userId);
    expect(members).to.include('29:fay').and.not.include('29:eli');
    expect((await bot.services.store.rosters.membersOf(TEAM)).find((m) => m.userId === '29:fay')).to.include({
      email: 'fay@council.example.gov.uk',
      aadObjectId: 'aad-fay',
    });
  });

  it('posts one card to the General channel of a chosen team, and counts "Got it" per person who presses it', async () => {
    const before = connector.calls.length;
    const res = await brief('Channel notice', { channels: [{ team: TEAM }, { team: '19:not-installed@thread.tacv2' }] });
    expect(res.status).to.equal(201);
    expect(await res.json()).to.include({ recipients: 1 });
    await bot.services.delivery.drain();
    const posts = connector.calls.slice(before).filter((c) => c.method === 'POST' && c.body?.type === 'message');
    expect(posts.map((c) => c.conversationId)).to.deep.equal([TEAM]);
    expect(JSON.stringify(posts[0].body))
      .to.match(/Channel notice/)
      .and.not.match(/"refresh"/);
    const briefing = await bot.services.briefings.findByTitle('Channel notice');
    for (const person of ['29:ann', '29:bea', '29:ann']) {
      await activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        from: { id: person },
        value: { action: { type: 'Action.Execute', verb: 'briefing.ack', data: { verb: 'briefing.ack', briefingId: briefing!.id } }, trigger: 'manual' },
      });
    }
    // The same button pressed from a personal chat (not the channel) is refused: the briefing was not sent there.
    await activity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      from: { id: '29:cal' },
      conversation: { id: 'a:29:cal', conversationType: 'personal', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      value: { action: { type: 'Action.Execute', verb: 'briefing.ack', data: { verb: 'briefing.ack', briefingId: briefing!.id } }, trigger: 'manual' },
    });
    const records = await bot.services.delivery.records(`briefing:${briefing!.id}`);
    expect(
      records
        .filter((r) => r.acknowledgedAt)
        .map((r) => r.userId)
        .sort(),
    ).to.deep.equal(['29:ann', '29:bea']);
    expect(records.find((r) => r.userId.startsWith('channel:'))).to.include({ status: 'sent' });
  });

  it('refuses a channel audience for a pulse, so answers are never gathered in a channel', async () => {
    const res = await fetch(`${bot.url}/api/surveys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, 'idempotency-key': 'pulse-channel' },
      body: JSON.stringify({ template: 'wellbeing-pulse', audience: { everyone: true, channels: [{ team: TEAM }] }, closes_at: '2026-11-30T17:00' }),
    });
    expect(res.status).to.equal(422);
    expect(JSON.stringify(await res.json())).to.match(/audience.channels/);
  });

  it('takes the members out of every audience when the app is removed from the team (only their own chats remain)', async () => {
    await activity({ type: 'installationUpdate', action: 'remove' });
    expect(await bot.services.store.rosters.team(TEAM)).to.include({ active: false });
    expect(await bot.services.store.rosters.reachableMembers()).to.deep.equal([]);
  });

  it('reads the roster again in full when the app is installed again, and members missing from it leave', async () => {
    roster = ROSTER.slice(0, 2);
    await activity({ type: 'installationUpdate', action: 'add' });
    expect((await bot.services.store.rosters.reachableMembers()).map((m) => m.userId)).to.deep.equal(['29:ann', '29:bea']);
  });
});
