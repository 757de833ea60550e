import { expect } from 'chai';
import { HttpConnectorSender } from '../../../../bot/platform/delivery/connectorSender';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { movableClock, reachableUser } from '../../../helpers/testDelivery';
import { adminSessionCookie } from '../dashboardSignIn';
import { FakeEntraId, ssoEnv, TENANT } from '../ssoTestKit';

const ADMIN_TOKEN = 'authoring-routes-admin-token';
const COMMS = { oid: 'aad-author-comms', name: 'Casey Comms' };
const STAFF_SSO = { oid: 'aad-author-staff', name: 'Sam Staff' };
const TEAM = '19:authoring-team@thread.tacv2';
const NOW = '2026-11-23T10:00:00';

/** Three staff with a personal chat (two in health, one in education) and four roster members nobody has chatted with. */
async function seed(bot: RunningBot, serviceUrl: string): Promise<void> {
  const { store } = bot.services;
  for (const [i, sector] of (['health', 'health', 'education'] as const).entries()) {
    const userId = `29:author-chat-${i}`;
    await reachableUser(store, userId, serviceUrl, TENANT, `aad-author-chat-${i}`);
    await store.profiles.save({ userId, sector, topics: [] });
  }
  await reachableUser(store, '29:author-comms', serviceUrl, TENANT, COMMS.oid);
  await store.rosters.saveTeam({ teamId: TEAM, tenantId: TENANT, serviceUrl, botId: '28:bot', name: 'Children’s services', generalChannelId: TEAM });
  await store.rosters.addMembers(
    TEAM,
    [1, 2, 3, 4].map((n) => ({ userId: `29:author-roster-${n}`, aadObjectId: `aad-author-roster-${n}` })),
  );
}

const briefing = (fields: Record<string, unknown> = {}) => ({
  kind: 'briefing',
  briefing: { title: 'Safeguarding week', summary: 'Sessions all week in every locality.', audience: { everyone: true }, ...fields },
});

forEachEngine((engine) =>
  describe(`dashboard authoring routes (HTTP, ${engine})`, function () {
    this.timeout(60000);
    const entra = new FakeEntraId();
    const connector = new FakeConnector();
    const clock = movableClock(NOW);
    let bot: RunningBot;
    let cookie: string;
    let test: TestDatabase;

    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${bot.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };

    before(async () => {
      const jwksUrl = await entra.start();
      const serviceUrl = await connector.start();
      test = await openTestDatabase(engine);
      bot = await startBot(
        { ...test.env, ...ssoEnv(jwksUrl), ADMIN_API_TOKEN: ADMIN_TOKEN, COMMS_USERS: `${COMMS.oid},aad-author-comms-2` },
        // Teams SSO needs an app id, whose connector token Entra ID would issue; the stand-in connector needs none.
        { now: clock.now, database: test.opened, sender: new HttpConnectorSender(async () => undefined) },
      );
      await seed(bot, serviceUrl);
      cookie = await adminSessionCookie(bot.url, ADMIN_TOKEN);
    });
    after(async () => {
      await bot?.stop();
      await entra.stop();
      await connector.stop();
      await test?.cleanup();
    });
    afterEach(() => clock.set(NOW));

    describe('who may use them', () => {
      const routes = [
        '/dashboard/api/audience/count',
        '/dashboard/api/authoring/preview',
        '/dashboard/api/authoring/test',
        '/dashboard/api/authoring/briefings',
        '/dashboard/api/authoring/pulses',
      ];

      it('refuses every route with 401 without a session or token, creating nothing', async () => {
        const before = (await bot.services.store.conversations.activePersonalChats()).length;
        for (const path of routes) {
          const res = await post(path, briefing(), { cookie: '', 'idempotency-key': 'k-401' });
          expect(res.status, path).to.equal(401);
          expect(res.body).to.not.have.property('inAudience');
        }
        const options = await fetch(`${bot.url}/dashboard/api/authoring/options`);
        expect(options.status).to.equal(401);
        expect(await bot.services.briefings.findByTitle('Safeguarding week')).to.equal(undefined);
        expect((await bot.services.store.conversations.activePersonalChats()).length).to.equal(before);
      });

      it('refuses a signed-in Teams user without the comms role with 403', async () => {
        const authorization = `Bearer ${await entra.token(clock.now(), STAFF_SSO)}`;
        for (const path of routes) expect((await post(path, briefing(), { cookie: '', authorization, 'idempotency-key': 'k-403' })).status, path).to.equal(403);
      });

      it('lets a comms user signed in with Teams count an audience', async () => {
        const authorization = `Bearer ${await entra.token(clock.now(), COMMS)}`;
        const res = await post('/dashboard/api/audience/count', { kind: 'briefing', audience: { everyone: true } }, { cookie: '', authorization });
        expect(res.status).to.equal(200);
        expect(res.body.inAudience).to.equal(8);
      });

      it('refuses a cross-site or form-encoded post (CSRF) even with a valid session', async () => {
        const crossSite = await post('/dashboard/api/authoring/briefings', briefing(), { 'sec-fetch-site': 'cross-site', 'idempotency-key': 'k-csrf-1' });
        expect(crossSite.status).to.equal(403);
        const otherOrigin = await post('/dashboard/api/authoring/briefings', briefing(), { origin: 'https://evil.example', 'idempotency-key': 'k-csrf-2' });
        expect(otherOrigin.status).to.equal(403);
        const form = await fetch(`${bot.url}/dashboard/api/authoring/briefings`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, 'idempotency-key': 'k-csrf-3' },
          body: 'kind=briefing&briefing[title]=x',
        });
        expect(form.status).to.equal(403);
        expect(await bot.services.briefings.findByTitle('Safeguarding week')).to.equal(undefined);
      });
    });

    describe('validation (the same validators as the chat and the API)', () => {
      it('answers 422 listing every problem with a briefing at once', async () => {
        const res = await post('/dashboard/api/authoring/preview', {
          kind: 'briefing',
          briefing: {
            title: '',
            summary: 'See [this](javascript:alert(1))',
            link: 'http://insecure.example',
            publish_at: '2026-11-01T09:00',
            audience: { sectors: ['astronauts'] },
          },
        });
        expect(res.status).to.equal(422);
        expect(res.body.error).to.equal('ValidationError');
        const fields = (res.body.problems as { field: string }[]).map((p) => p.field);
        expect(fields).to.include.members(['title', 'link', 'publish_at', 'summary', 'audience.sectors']);
      });

      it('answers 422 listing every problem with a pulse at once', async () => {
        const res = await post('/dashboard/api/authoring/preview', {
          kind: 'pulse',
          pulse: { template: 'no-such-template', audience: { everyone: true }, closes_at: '2026-11-23T10:30', anonymity_threshold: 99 },
        });
        expect(res.status).to.equal(422);
        const fields = (res.body.problems as { field: string }[]).map((p) => p.field);
        expect(fields).to.include.members(['template', 'closes_at', 'anonymity_threshold']);
      });

      it('refuses an owner sent by the page: who authored it comes from the sign-in', async () => {
        const res = await post('/dashboard/api/authoring/briefings', briefing({ title: 'Owned', owner: 'someone-else' }), { 'idempotency-key': 'k-owner' });
        expect(res.status).to.equal(201);
        const stored = await bot.services.briefings.get(res.body.id as number);
        expect(stored?.createdBy).to.equal('dashboard:admin-token');
      });
    });

    describe('the live count', () => {
      const count = async (kind: string, audience: unknown) => (await post('/dashboard/api/audience/count', { kind, audience })).body;

      it('counts chats and roster members (whose chat opens on first send) as reachable now', async () => {
        expect(await count('briefing', { everyone: true })).to.deep.include({ inAudience: 8, reachableNow: 8, needsInstall: 0, notReachable: [] });
        expect(await count('briefing', { sectors: ['health'] })).to.deep.include({ inAudience: 2, reachableNow: 2 });
        expect(await count('briefing', { sectors: ['youth'] })).to.deep.include({ inAudience: 0, reachableNow: 0 });
      });

      it('counts a team channel as one card, and a channel of a team the app is not in as nobody', async () => {
        expect(await count('briefing', { channels: [{ team: TEAM }] })).to.deep.include({ inAudience: 1, reachableNow: 1 });
        expect(await count('briefing', { channels: [{ team: '19:not-installed' }] })).to.deep.include({ inAudience: 0 });
      });

      it('answers 422 for an audience the schema refuses', async () => {
        const res = await post('/dashboard/api/audience/count', { kind: 'briefing', audience: { sectors: ['astronauts'], planets: ['mars'] } });
        expect(res.status).to.equal(422);
        expect(res.body.problems.length).to.be.greaterThan(0);
      });
    });

    describe('preview, test, schedule and confirm', () => {
      it('previews the card the bot sends, with its text fallback and the count', async () => {
        const res = await post('/dashboard/api/authoring/preview', briefing({ title: '<script>alert(1)</script>' }));
        expect(res.status).to.equal(200);
        expect(res.body.card.type).to.equal('AdaptiveCard');
        expect(JSON.stringify(res.body.card)).to.contain('<script>alert(1)</script>');
        expect(res.body.text).to.contain('<script>alert(1)</script>');
        expect(res.body.count.inAudience).to.equal(8);
        expect(res.body.sendsNow).to.equal(true);
      });

      it('sends a test copy to the named person only, marked as a test and without "Got it"', async () => {
        const calls = connector.calls.length;
        const res = await post('/dashboard/api/authoring/test', { ...briefing(), to: COMMS.oid });
        expect(res.status).to.equal(200);
        const sent = connector.calls.slice(calls);
        expect(sent).to.have.length(1);
        expect(sent[0].conversationId).to.equal('a:29:author-comms');
        const card = JSON.stringify(sent[0].body);
        expect(card).to.contain('TEST');
        expect(card).to.not.contain('Got it');
        const missing = await post('/dashboard/api/authoring/test', briefing());
        expect(missing.status).to.equal(409);
        expect(missing.body.message).to.match(/Entra object id/);
      });

      it('sends a Teams-signed-in comms user their test in their own chat, whoever else they name', async () => {
        const authorization = `Bearer ${await entra.token(clock.now(), COMMS)}`;
        const calls = connector.calls.length;
        const res = await post('/dashboard/api/authoring/test', { ...briefing(), to: 'aad-author-chat-0' }, { cookie: '', authorization });
        expect(res.status).to.equal(200);
        expect(connector.calls.slice(calls).map((c) => c.conversationId)).to.deep.equal(['a:29:author-comms']);
      });

      it('opens the chat of a team member who never chatted with the bot (POST /v3/conversations) and sends the test there', async () => {
        const calls = connector.calls.length;
        const res = await post('/dashboard/api/authoring/test', { ...briefing(), to: 'aad-author-roster-2' });
        expect(res.status).to.equal(200);
        const made = connector.calls.slice(calls);
        expect(made.map((c) => c.method)).to.deep.equal(['POST', 'POST']);
        expect(made[0].url).to.match(/\/v3\/conversations\/?$/);
        expect(JSON.stringify(made[0].body)).to.contain('29:author-roster-2');
        expect(made[1].conversationId).to.equal(String((await bot.services.store.conversations.personalChat('29:author-roster-2'))?.conversationId));
      });

      it('says how to get a test when the signed-in comms user has no chat with the bot yet, sending nothing', async () => {
        const authorization = `Bearer ${await entra.token(clock.now(), { oid: 'aad-author-comms-2', name: 'New Comms' })}`;
        const calls = connector.calls.length;
        const res = await post('/dashboard/api/authoring/test', briefing(), { cookie: '', authorization });
        expect(res.status).to.equal(409);
        expect(res.body.message).to.match(/Open the bot in Teams/);
        expect(connector.calls.length).to.equal(calls);
      });

      it('creates a scheduled briefing once however often "Confirm" is pressed, queued for its publish time', async () => {
        const body = briefing({ title: 'Scheduled from the dashboard', publish_at: '2026-11-24T09:15' });
        const first = await post('/dashboard/api/authoring/briefings', body, { 'idempotency-key': 'k-scheduled' });
        const again = await post('/dashboard/api/authoring/briefings', body, { 'idempotency-key': 'k-scheduled' });
        expect(first.status).to.equal(201);
        expect(again.body.id).to.equal(first.body.id);
        expect(first.body.recipients).to.equal(8);
        expect(first.body.sendsAt).to.equal('Tue 24 Nov 2026, 09:15');
        const stored = await bot.services.briefings.get(first.body.id as number);
        expect(Date.parse(stored!.publishAt)).to.equal(Date.parse('2026-11-24T09:15:00Z'));
        expect((await bot.services.briefings.status(first.body.id as number))?.counts.pending).to.equal(8);
        expect(await bot.services.briefings.findByTitle('Scheduled from the dashboard')).to.not.equal(undefined);
      });

      it('refuses to create a briefing nobody would receive (422 EmptyAudience)', async () => {
        const res = await post('/dashboard/api/authoring/briefings', briefing({ audience: { sectors: ['youth'] } }), { 'idempotency-key': 'k-empty' });
        expect(res.status).to.equal(422);
        expect(res.body.error).to.equal('EmptyAudience');
      });

      it('starts a pulse from a template, owned by the comms user signed in with Teams', async () => {
        const authorization = `Bearer ${await entra.token(clock.now(), COMMS)}`;
        const res = await post(
          '/dashboard/api/authoring/pulses',
          { kind: 'pulse', pulse: { template: 'wellbeing-pulse', audience: { everyone: true }, opens_at: '2026-11-24T09:00', closes_at: '2026-11-30T17:00' } },
          { cookie: '', authorization, 'idempotency-key': 'k-pulse' },
        );
        expect(res.status).to.equal(201);
        const wave = await bot.services.surveys.waves.get(res.body.id as number);
        expect(wave?.owner).to.equal(COMMS.oid);
        expect(wave?.opensAt.toISO()).to.equal('2026-11-24T09:00:00.000+00:00');
      });
    });

    describe('people known only from the directory', () => {
      it('counts partner staff from an HR import as not reachable, with why, and lists them nowhere as reachable', async () => {
        const csv = [
          'Email,Name,Department,Job title,Office location,Company name',
          'pat@partner.example,Pat Poe,Early Help,Family Support Worker,Coalville,Leicestershire County Council',
          'lee@partner.example,Lee Lu,Schools,Teaching Assistant,Hinckley,Leicestershire County Council',
        ].join('\r\n');
        const imported = await fetch(`${bot.url}/api/directory/import`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv', authorization: `Bearer ${ADMIN_TOKEN}`, 'idempotency-key': 'k-hr-count' },
          body: csv,
        });
        expect(imported.status).to.equal(200);
        const res = await post('/dashboard/api/audience/count', { kind: 'briefing', audience: { everyone: true } });
        expect(res.body).to.deep.include({ inAudience: 10, reachableNow: 8, needsInstall: 0 });
        expect(res.body.notReachable).to.deep.equal([{ reason: 'partner staff (HR import) who have not opened a chat with the bot', count: 2 }]);
      });
    });

    describe('groups and channels by name', () => {
      const GROUP = '77777777-7777-7777-7777-777777777777';
      const ANNOUNCEMENTS = '19:announcements@thread.tacv2';

      it('offers Entra groups by display name and each team channel read from the team, and names them in the count', async () => {
        await bot.services.directory.people.replaceGroup(GROUP, ['aad-author-chat-0', 'aad-author-chat-1'], undefined, 'Early Help Practitioners');
        await bot.services.store.rosters.replaceChannels(TEAM, [{ channelId: TEAM }, { channelId: ANNOUNCEMENTS, name: 'Announcements' }]);
        const options = (await (await fetch(`${bot.url}/dashboard/api/authoring/options`, { headers: { cookie } })).json()) as {
          groups: { id: string; name: string }[];
          teams: { id: string; channels: { id: string; name: string }[] }[];
        };
        expect(options.groups).to.deep.include({ id: GROUP, name: 'Early Help Practitioners (2 members)' });
        expect(options.teams.find((t) => t.id === TEAM)!.channels).to.deep.equal([
          { id: TEAM, name: 'General' },
          { id: ANNOUNCEMENTS, name: 'Announcements' },
        ]);
        const byGroup = (await post('/dashboard/api/audience/count', { kind: 'briefing', audience: { groups: [GROUP] } })).body;
        expect(byGroup).to.deep.include({ inAudience: 2, reachableNow: 2, audience: 'members of Early Help Practitioners' });
        const byChannel = (await post('/dashboard/api/audience/count', { kind: 'briefing', audience: { channels: [{ team: TEAM, channel: ANNOUNCEMENTS }] } }))
          .body;
        expect(byChannel).to.deep.include({ inAudience: 1, audience: 'the channel Children’s services: Announcements' });
      });
    });
  }),
);
