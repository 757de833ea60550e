import { expect } from 'chai';
import { ConnectorCall, FakeConnector } from '../../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { movableClock } from '../../../helpers/testDelivery';
import { adminPost, sendInTeam } from '../../../helpers/teamsTraffic';

const TOKEN = 'channels-admin-token-1234567890';
const TENANT = 'tenant-channels';
const TEAM = '19:early-help-team@thread.tacv2';
const SAFEGUARDING = '19:safeguarding-channel@thread.tacv2';
const BOT = '28:channels-bot';

describe('Teams channels, end to end: a briefing goes to a chosen channel read from the team, not only General', function () {
  this.timeout(30000);
  let bot: RunningBot;
  const connector = new FakeConnector();
  let serviceUrl: string;
  const clock = movableClock('2026-11-24T10:00:00');
  let channelList: { id: string; name?: string }[] = [{ id: TEAM }, { id: SAFEGUARDING, name: 'Safeguarding' }];

  /** The connector's team conversations list (General has no name) and an empty roster. */
  function answer(call: ConnectorCall) {
    const path = decodeURIComponent(new URL(call.url, 'http://x').pathname);
    if (call.method === 'GET' && path === `/v3/teams/${TEAM}/conversations`) return { status: 200, body: { conversations: channelList } };
    if (call.method === 'GET' && path.endsWith('/pagedmembers')) return { status: 200, body: { members: [] } };
    return undefined;
  }

  const team = { id: TEAM, name: 'Early help', tenantId: TENANT, botId: BOT };
  async function activity(body: Record<string, unknown>) {
    expect((await sendInTeam({ botUrl: bot.url, serviceUrl }, team, body)).status).to.be.lessThan(300);
    await bot.services.rosterSync.idle();
  }
  const brief = (title: string, audience: Record<string, unknown>) =>
    adminPost(
      bot.url,
      TOKEN,
      '/api/briefings',
      { title, summary: 'What changes this month.', topics: ['training'], audience, urgent: true },
      `key-${title.replace(/\W/g, '-')}`,
    );
  const postsSince = (from: number) => connector.calls.slice(from).filter((c) => c.method === 'POST' && c.body?.type === 'message');

  before(async () => {
    serviceUrl = await connector.start();
    connector.respond = answer;
    bot = await startBot({ ADMIN_API_TOKEN: TOKEN }, { now: clock.now });
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });

  it("reads the team's channels when the app is installed and stores them with the roster", async () => {
    await activity({ type: 'installationUpdate', action: 'add' });
    expect(connector.calls.filter((c) => c.method === 'GET' && c.url.includes('/v3/teams/'))).to.have.length(1);
    expect(await bot.services.store.rosters.channels()).to.deep.equal([
      { teamId: TEAM, channelId: TEAM, name: 'General' },
      { teamId: TEAM, channelId: SAFEGUARDING, name: 'Safeguarding' },
    ]);
  });

  it('posts one card to the chosen channel', async () => {
    const before = connector.calls.length;
    const res = await brief('Safeguarding week', { channels: [{ team: TEAM, channel: SAFEGUARDING }] });
    expect(res.status).to.equal(201);
    expect(await res.json()).to.include({ recipients: 1 });
    await bot.services.delivery.drain();
    expect(postsSince(before).map((c) => c.conversationId)).to.deep.equal([SAFEGUARDING]);
  });

  it('refuses a channel id the team does not list (a tampered audience), posting nothing', async () => {
    const before = connector.calls.length;
    const res = await brief('Tampered channel', { channels: [{ team: TEAM, channel: '19:someone-elses-chat@thread.v2' }] });
    expect(res.status).to.equal(422);
    await bot.services.delivery.drain();
    expect(postsSince(before)).to.have.length(0);
  });

  it('reads the channels again when one is renamed or deleted', async () => {
    channelList = [{ id: TEAM }, { id: SAFEGUARDING, name: 'Safeguarding and LADO' }];
    await activity({
      type: 'conversationUpdate',
      channelData: { team: { id: TEAM }, channel: { id: SAFEGUARDING, name: 'Safeguarding and LADO' }, eventType: 'channelRenamed', tenant: { id: TENANT } },
    });
    expect((await bot.services.store.rosters.channels()).map((c) => c.name)).to.deep.equal(['General', 'Safeguarding and LADO']);
    channelList = [{ id: TEAM }];
    await activity({
      type: 'conversationUpdate',
      channelData: { team: { id: TEAM }, channel: { id: SAFEGUARDING }, eventType: 'channelDeleted', tenant: { id: TENANT } },
    });
    expect((await bot.services.store.rosters.channels()).map((c) => c.channelId)).to.deep.equal([TEAM]);
    const res = await brief('After deletion', { channels: [{ team: TEAM, channel: SAFEGUARDING }] });
    expect(res.status).to.equal(422);
  });
});
