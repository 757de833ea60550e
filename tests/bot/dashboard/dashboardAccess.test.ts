import http from 'node:http';
import { expect } from 'chai';
import { SignJWT } from 'jose';
import { RunningBot, startBot } from '../../helpers/runningBot';
import { movableClock } from '../../helpers/testDelivery';
import { APP_ID, FakeEntraId, OTHER_TENANT, ssoEnv, TENANT } from './ssoTestKit';
import { cookieOf, postForm } from './dashboardSignIn';

const ADMIN_TOKEN = 'dashboard-access-admin-token';
const COMMS = { oid: 'aad-comms-1', upn: 'comms.person@council.example.gov.uk', name: 'Casey Comms' };
const ADMIN = { oid: 'aad-admin-1', name: 'Alex Admin' };
const STAFF = { oid: 'aad-staff-1', upn: 'frontline@council.example.gov.uk', name: 'Sam Staff' };
/** A comms user listed by user principal name rather than object id. */
const COMMS_BY_UPN = { oid: 'aad-comms-2', upn: 'Second.Comms@council.example.gov.uk' };
const DATA_ROUTES = ['/dashboard/api/me', '/dashboard/api/pulses', '/dashboard/api/pulses/1', '/dashboard/api/briefings', '/dashboard/api/gaps'];

/** The JSON answer of a dashboard route. */
async function getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(url, { headers: { accept: 'application/json', ...headers } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

/** Posts the sign-in form from a chosen loopback address, as a browser elsewhere on the network would. */
function postFrom(localAddress: string, fields: Record<string, string>, url = currentBotUrl): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/dashboard/sign-in`,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
let currentBotUrl = '';

describe('dashboard access (HTTP)', function () {
  this.timeout(30000);
  const entra = new FakeEntraId();
  const clock = movableClock('2026-11-23T10:00:00');
  let bot: RunningBot;
  let jwksUrl: string;
  const bearer = async (o: Parameters<FakeEntraId['token']>[1]) => ({ authorization: `Bearer ${await entra.token(clock.now(), o)}` });

  before(async () => {
    jwksUrl = await entra.start();
    bot = await startBot(
      { ...ssoEnv(jwksUrl), ADMIN_API_TOKEN: ADMIN_TOKEN, COMMS_USERS: `${COMMS.oid},second.comms@council.example.gov.uk`, ADMINS: ADMIN.oid },
      { now: clock.now },
    );
    currentBotUrl = bot.url;
  });
  after(async () => {
    await bot?.stop();
    await entra.stop();
  });
  afterEach(() => clock.set('2026-11-23T10:00:00'));

  describe('without credentials', () => {
    it('refuses every data route with 401 and a message saying how to sign in, with no data', async () => {
      for (const route of DATA_ROUTES) {
        const res = await getJson(`${bot.url}${route}`);
        expect(res.status, route).to.equal(401);
        expect(res.body, route).to.deep.equal({
          error: 'Unauthorized',
          message: 'Sign in first: open the Dashboard tab in Microsoft Teams, or sign in at /dashboard/sign-in.',
        });
        expect(res.headers.get('www-authenticate')).to.equal('Bearer realm="dashboard"');
        expect(res.headers.get('cache-control')).to.equal('no-store');
      }
    });

    it('sends a browser from /dashboard to the sign-in page, but serves the Teams tab (which signs in in the page)', async () => {
      const browser = await fetch(`${bot.url}/dashboard?theme=dark`, { redirect: 'manual' });
      expect(browser.status).to.equal(303);
      expect(browser.headers.get('location')).to.equal('/dashboard/sign-in?theme=dark');
      const tab = await fetch(`${bot.url}/dashboard?inTeams=1`);
      expect(tab.status).to.equal(200);
      expect(await tab.text())
        .to.contain('data-auth="teams"')
        .and.not.contain('Wellbeing');
    });

    it('refuses an Authorization header that is not a bearer token', async () => {
      const res = await getJson(`${bot.url}/dashboard/api/me`, { authorization: `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}` });
      expect(res.status).to.equal(401);
      expect(res.body.message).to.match(/Bearer/);
    });
  });

  describe('browser sign-in with the admin token', () => {
    it('signs in with the right token: a short-lived HttpOnly, SameSite=Strict cookie that opens the page and the data as admin', async () => {
      const res = await postForm(`${bot.url}/dashboard/sign-in`, { token: ADMIN_TOKEN, theme: 'contrast' });
      expect(res.status).to.equal(303);
      expect(res.headers.get('location')).to.equal('/dashboard?theme=contrast');
      const setCookie = res.headers.get('set-cookie') ?? '';
      expect(setCookie).to.match(/^dashboard_session=[\w-]{43}; Max-Age=3600; Path=\/dashboard; HttpOnly; SameSite=Strict$/);
      const cookie = cookieOf(res);
      const me = await getJson(`${bot.url}/dashboard/api/me`, { cookie });
      expect(me).to.deep.include({ status: 200, body: { name: 'Admin (signed in with the admin token)', via: 'browser', admin: true } });
      const page = await fetch(`${bot.url}/dashboard`, { headers: { cookie }, redirect: 'manual' });
      expect(page.status).to.equal(200);
      expect(await page.text())
        .to.contain('data-auth="browser"')
        .and.contain('Sign out');
    });

    it('marks the cookie Secure when the browser came over HTTPS (through a TLS proxy)', async () => {
      const res = await postForm(`${bot.url}/dashboard/sign-in`, { token: ADMIN_TOKEN }, { 'x-forwarded-proto': 'https' });
      expect(res.headers.get('set-cookie')).to.match(/; Secure(;|$)/);
    });

    it('refuses a wrong or missing token with the form again and no cookie', async () => {
      const wrong = await postForm(`${bot.url}/dashboard/sign-in`, { token: 'not-the-token' });
      expect(wrong.status).to.equal(401);
      expect(wrong.headers.get('set-cookie')).to.equal(null);
      const html = await wrong.text();
      expect(html).to.contain('<title>Error: Sign in').and.contain('There is a problem').and.contain('The admin token is not right');
      const missing = await postForm(`${bot.url}/dashboard/sign-in`, { token: '' });
      expect(missing.status).to.equal(400);
      expect(await missing.text()).to.contain('Enter the admin token');
    });

    it('refuses a sign-in posted from another site', async () => {
      const res = await postForm(`${bot.url}/dashboard/sign-in`, { token: ADMIN_TOKEN }, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' });
      expect(res.status).to.equal(403);
      expect(res.headers.get('set-cookie')).to.equal(null);
    });

    it('ends the session after an hour, and on sign-out', async () => {
      const cookie = cookieOf(await postForm(`${bot.url}/dashboard/sign-in`, { token: ADMIN_TOKEN }));
      clock.advance({ minutes: 61 });
      const expired = await getJson(`${bot.url}/dashboard/api/pulses`, { cookie });
      expect(expired.status).to.equal(401);
      expect(expired.body).to.deep.equal({ error: 'SessionExpired', message: 'Your sign-in has expired. Sign in again.' });
      const page = await fetch(`${bot.url}/dashboard`, { headers: { cookie }, redirect: 'manual' });
      expect(page.headers.get('location')).to.equal('/dashboard/sign-in?expired=1');

      clock.set('2026-11-23T10:00:00');
      const out = await postForm(`${bot.url}/dashboard/sign-out`, {}, { cookie });
      expect(out.status).to.equal(303);
      expect(out.headers.get('set-cookie')).to.match(/^dashboard_session=; Max-Age=0; Path=\/dashboard; HttpOnly; SameSite=Strict$/);
    });

    it('refuses a copy of the cookie once its session signed out, on this replica and on another', async () => {
      const cookie = cookieOf(await postForm(`${bot.url}/dashboard/sign-in`, { token: ADMIN_TOKEN }));
      const replica = await startBot(
        { ...ssoEnv(jwksUrl), ADMIN_API_TOKEN: ADMIN_TOKEN, COMMS_USERS: COMMS.oid },
        { now: clock.now, database: bot.services.database },
      );
      try {
        expect((await getJson(`${replica.url}/dashboard/api/me`, { cookie })).status, 'the other replica knows the session').to.equal(200);
        await postForm(`${bot.url}/dashboard/sign-out`, {}, { cookie });
        const copied = await getJson(`${bot.url}/dashboard/api/me`, { cookie });
        expect(copied.status).to.equal(401);
        expect((await getJson(`${replica.url}/dashboard/api/me`, { cookie })).status).to.equal(401);
      } finally {
        await replica.stop();
      }
    });

    it('keeps no usable cookie in the database, only its hash', async () => {
      const cookie = cookieOf(await postForm(`${bot.url}/dashboard/sign-in`, { token: ADMIN_TOKEN }));
      const token = decodeURIComponent(cookie.split('=')[1]);
      const rows = await bot.services.database.db.selectFrom('dashboard_sessions').selectAll().execute();
      expect(JSON.stringify(rows)).to.not.include(token);
    });

    it('refuses a session cookie this server did not sign', async () => {
      const forged = await new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS256' })
        .setAudience('staffbot-dashboard-session')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('a-guessed-secret-that-is-long-enough-123'));
      const res = await getJson(`${bot.url}/dashboard/api/me`, { cookie: `dashboard_session=${forged}` });
      expect(res.status).to.equal(401);
    });
  });

  describe('Teams single sign-on', () => {
    it('gives a comms user the data (v2 token, Application ID URI audience)', async () => {
      const me = await getJson(`${bot.url}/dashboard/api/me`, await bearer(COMMS));
      expect(me).to.deep.include({ status: 200, body: { name: 'Casey Comms', via: 'teams', admin: false } });
      for (const route of ['/dashboard/api/pulses', '/dashboard/api/briefings', '/dashboard/api/gaps']) {
        expect((await getJson(`${bot.url}${route}`, await bearer(COMMS))).status, route).to.equal(200);
      }
    });

    it('accepts a v1 token (sts.windows.net issuer, bare app id audience)', async () => {
      const v1 = await bearer({ ...COMMS, aud: APP_ID, iss: `https://sts.windows.net/${TENANT}/`, extra: { ver: '1.0', upn: COMMS.upn } });
      expect((await getJson(`${bot.url}/dashboard/api/me`, v1)).status).to.equal(200);
    });

    it('never authorises by user principal name or preferred_username, which can be reassigned', async () => {
      const byUpn = await getJson(`${bot.url}/dashboard/api/me`, await bearer(COMMS_BY_UPN));
      expect(byUpn.status).to.equal(403);
      const v1 = await getJson(
        `${bot.url}/dashboard/api/me`,
        await bearer({ ...COMMS_BY_UPN, aud: APP_ID, iss: `https://sts.windows.net/${TENANT}/`, extra: { ver: '1.0', upn: COMMS_BY_UPN.upn } }),
      );
      expect(v1.status).to.equal(403);
    });

    it('knows an admin', async () => {
      expect((await getJson(`${bot.url}/dashboard/api/me`, await bearer(ADMIN))).body).to.deep.include({ admin: true, via: 'teams' });
    });

    it('refuses a valid token of someone without the comms role with 403 on every route, and no data', async () => {
      for (const route of DATA_ROUTES) {
        const res = await getJson(`${bot.url}${route}`, await bearer(STAFF));
        expect(res.status, route).to.equal(403);
        expect(res.body, route).to.deep.equal({
          error: 'Forbidden',
          message: 'The dashboard is for the communications team and admins. If you need it, ask an admin to add you to COMMS_USERS.',
        });
      }
    });

    const refusals: [string, Parameters<FakeEntraId['token']>[1], string, RegExp][] = [
      [
        'a token for another audience',
        { ...COMMS, aud: 'api://other-app.example.gov.uk/00000000-0000-0000-0000-000000000001' },
        'TokenInvalid',
        /issued for another app/,
      ],
      ['a token for Microsoft Graph', { ...COMMS, aud: 'https://graph.microsoft.com' }, 'TokenInvalid', /issued for another app/],
      ['an expired token', { ...COMMS, expiresIn: { minutes: -10 } }, 'TokenExpired', /expired/],
      ['a token signed with another key under the real key id', { ...COMMS, forgedSignature: true }, 'TokenInvalid', /not signed by Microsoft Entra ID/],
      ['a token signed with a key Entra ID does not publish', { ...COMMS, kid: 'unknown-key' }, 'TokenInvalid', /not signed by Microsoft Entra ID/],
      [
        'a token whose issuer is another tenant than its tid',
        { ...COMMS, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` },
        'TokenInvalid',
        /not issued by Microsoft Entra ID/,
      ],
      ['a token from a look-alike issuer', { ...COMMS, iss: `https://login.example.com/${TENANT}/v2.0` }, 'TokenInvalid', /not issued by Microsoft Entra ID/],
    ];
    for (const [name, options, error, message] of refusals) {
      it(`refuses ${name} with 401`, async () => {
        const res = await getJson(`${bot.url}/dashboard/api/pulses`, await bearer(options));
        expect(res.status).to.equal(401);
        expect(res.body.error).to.equal(error);
        expect(res.body.message).to.match(message);
        expect(res.body).to.not.have.property('pulses');
      });
    }

    it('refuses an HS256 token and a token with alg "none" (no key confusion)', async () => {
      const hs = await new SignJWT({ oid: COMMS.oid, tid: TENANT })
        .setProtectedHeader({ alg: 'HS256', kid: entra.kid })
        .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
        .setAudience(APP_ID)
        .setExpirationTime(Math.floor(clock.now().plus({ hours: 1 }).toSeconds()))
        .sign(new TextEncoder().encode('shared-secret-shared-secret-shared-secret'));
      const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ oid: COMMS.oid, tid: TENANT, aud: APP_ID })).toString('base64url')}.`;
      for (const token of [hs, none, 'not-a-token']) {
        const res = await getJson(`${bot.url}/dashboard/api/me`, { authorization: `Bearer ${token}` });
        expect(res.status).to.equal(401);
        expect(res.body.error).to.equal('TokenInvalid');
      }
    });
  });

  describe('a single-tenant bot without ADMIN_API_TOKEN', () => {
    let single: RunningBot;
    before(async () => {
      single = await startBot(
        { ...ssoEnv(jwksUrl), MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, COMMS_USERS: COMMS.oid },
        { now: clock.now },
      );
    });
    after(() => single?.stop());

    it('says there is no way in from a browser, and refuses sign-ins and cookies', async () => {
      const page = await fetch(`${single.url}/dashboard/sign-in`);
      expect(page.status).to.equal(200);
      expect(await page.text())
        .to.contain('Signing in from a browser is off on this server')
        .and.not.contain('<form');
      const post = await postForm(`${single.url}/dashboard/sign-in`, { token: 'anything' });
      expect(post.status).to.equal(404);
      expect(post.headers.get('set-cookie')).to.equal(null);
      const res = await getJson(`${single.url}/dashboard/api/me`);
      expect(res.body.message).to.match(/browser sign-in is off because ADMIN_API_TOKEN is not set/);
    });

    it('accepts its own tenant and refuses a token from another tenant', async () => {
      expect((await getJson(`${single.url}/dashboard/api/me`, await bearer(COMMS))).status).to.equal(200);
      const other = await getJson(`${single.url}/dashboard/api/me`, await bearer({ ...COMMS, tid: OTHER_TENANT }));
      expect(other.status).to.equal(401);
      expect(other.body.message).to.match(/not issued by Microsoft Entra ID for an allowed organisation/);
    });
  });

  describe('a multi-tenant bot without MicrosoftAppTenantId', () => {
    let open: RunningBot;
    before(async () => {
      const env: Record<string, string> = { ...ssoEnv(jwksUrl), COMMS_USERS: `${COMMS.oid},second.comms@council.example.gov.uk`, ADMINS: ADMIN.oid };
      delete env.MicrosoftAppTenantId;
      open = await startBot(env, { now: clock.now });
    });
    after(() => open?.stop());

    it('grants no role to a validly signed token from another tenant, by object id or by preferred_username', async () => {
      const asAdmin = await getJson(`${open.url}/dashboard/api/me`, await bearer({ ...ADMIN, tid: OTHER_TENANT }));
      expect(asAdmin.status).to.equal(403);
      const byName = await getJson(
        `${open.url}/dashboard/api/me`,
        await bearer({ oid: 'attacker-oid', upn: 'second.comms@council.example.gov.uk', tid: OTHER_TENANT }),
      );
      expect(byName.status).to.equal(403);
    });

    it('grants no object id role at all until a tenant is configured, and says why at start-up', async () => {
      expect((await getJson(`${open.url}/dashboard/api/me`, await bearer(COMMS))).status).to.equal(403);
      expect(open.services.roles.warnings().join(' ')).to.match(/MicrosoftAppTenantId is not set/);
    });
  });

  describe('when it cannot check tokens', () => {
    it('says Teams sign-in is off when there is no MicrosoftAppId', async () => {
      const local = await startBot({ COMMS_USERS: COMMS.oid }, { now: clock.now });
      try {
        const res = await getJson(`${local.url}/dashboard/api/me`, await bearer(COMMS));
        expect(res.status).to.equal(401);
        expect(res.body).to.deep.equal({
          error: 'SsoOff',
          message: 'Teams sign-in is not set up on this server: set MicrosoftAppId (and BOT_DOMAIN) to turn it on.',
        });
      } finally {
        await local.stop();
      }
    });

    it("answers 503 when Entra ID's keys cannot be fetched, rather than letting anyone in", async () => {
      const unreachable = new FakeEntraId();
      const jwksUrl = await unreachable.start();
      unreachable.failing = true;
      const local = await startBot({ ...ssoEnv(jwksUrl), COMMS_USERS: COMMS.oid }, { now: clock.now });
      try {
        const res = await getJson(`${local.url}/dashboard/api/me`, { authorization: `Bearer ${await unreachable.token(clock.now(), COMMS)}` });
        expect(res.status).to.equal(503);
        expect(res.body.error).to.equal('SsoUnavailable');
      } finally {
        await local.stop();
        await unreachable.stop();
      }
    });
  });

  describe('guessing the admin token', () => {
    it('is slowed down per client address: after ten attempts in a minute that address gets 429, even with the right token', async () => {
      // A minute of its own, so attempts by earlier tests do not count.
      clock.set('2026-11-23T11:00:00');
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await postFrom('127.0.0.7', { token: `guess-${i}` })).status);
      expect(statuses).to.deep.equal([...Array(10).fill(401), 429]);
      const blocked = await postFrom('127.0.0.7', { token: ADMIN_TOKEN });
      expect(blocked.status).to.equal(429);
      expect(blocked.headers['retry-after']).to.equal('60');
      clock.advance({ minutes: 1, seconds: 1 });
      expect((await postFrom('127.0.0.7', { token: ADMIN_TOKEN })).status).to.equal(303);
    });

    it('does not lock the administrator out from another address while someone guesses', async () => {
      clock.set('2026-11-23T12:00:00');
      for (let i = 0; i < 12; i++) await postFrom('127.0.0.8', { token: `guess-${i}` });
      expect((await postFrom('127.0.0.8', { token: ADMIN_TOKEN })).status).to.equal(429);
      const admin = await postFrom('127.0.0.9', { token: ADMIN_TOKEN });
      expect(admin.status).to.equal(303);
      expect(String(admin.headers['set-cookie'])).to.match(/^dashboard_session=/);
    });

    it('says "too many" in the page it sends back', async () => {
      clock.set('2026-11-23T13:00:00');
      for (let i = 0; i < 10; i++) await postForm(`${bot.url}/dashboard/sign-in`, { token: `guess-${i}` });
      const blocked = await postForm(`${bot.url}/dashboard/sign-in`, { token: ADMIN_TOKEN });
      expect(blocked.status).to.equal(429);
      expect(await blocked.text()).to.contain('Too many sign-in attempts');
    });
  });
});
