import { expect } from 'chai';
import { cspOf } from '../../helpers/cspOf';
import { RunningBot, startBot } from '../../helpers/runningBot';
import { TEAMS_FRAME_ANCESTORS } from '../../../bot/dashboard/dashboardHeaders';
import { adminSessionCookie } from './dashboardSignIn';

const ADMIN_TOKEN = 'dashboard-page-admin-token';

/** The src of every script in a page, after checking each carries the response's nonce and has no inline code. */
function scriptsOf(html: string, res: Response): string[] {
  const nonce = /'nonce-([^']+)'/.exec(cspOf(res).get('script-src') ?? '')?.[1];
  expect(nonce, 'a nonce in script-src').to.be.a('string');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  for (const [, attributes, body] of scripts) {
    expect(attributes).to.contain(`nonce="${nonce}"`);
    expect(body.trim(), 'no inline script').to.equal('');
  }
  expect(html, 'no inline event handlers').to.not.match(/\son[a-z]+=/i);
  expect(html, 'no CDN').to.not.match(/(src|href)="https?:/i);
  return scripts.map((s) => /src="([^"?]+)/.exec(s[1])?.[1] ?? '');
}

describe('dashboard page and its files (HTTP)', () => {
  let bot: RunningBot;
  let cookie: string;
  before(async () => {
    bot = await startBot({ ADMIN_API_TOKEN: ADMIN_TOKEN });
    cookie = await adminSessionCookie(bot.url, ADMIN_TOKEN);
  });
  after(() => bot.stop());

  it('serves the browser page with a nonce on every script, Chart.js and the page scripts from this server, and no data in the HTML', async () => {
    const res = await fetch(`${bot.url}/dashboard`, { headers: { cookie } });
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).to.contain('<title>Dashboard – Children&#39;s Workforce Assistant</title>').and.contain('<html lang="en-GB"');
    expect(scriptsOf(html, res)).to.deep.equal([
      '/dashboard/assets/chart.umd.js',
      '/dashboard/assets/adaptivecards.min.js',
      '/dashboard/assets/dashboardDom.js',
      '/dashboard/assets/dashboardTheme.js',
      '/dashboard/assets/dashboardCharts.js',
      '/dashboard/assets/dashboardAuth.js',
      '/dashboard/assets/dashboardPulses.js',
      '/dashboard/assets/dashboardBriefings.js',
      '/dashboard/assets/dashboardGaps.js',
      '/dashboard/assets/dashboardAuthoring.js',
      '/dashboard/assets/dashboard.js',
    ]);
    expect(html).to.contain('data-auth="browser"').and.contain('class="govuk-template__body app-theme-default"');
  });

  it('serves the Teams tab with Microsoft’s Teams library first, framable only by Teams and Microsoft 365', async () => {
    const res = await fetch(`${bot.url}/dashboard?inTeams=1&theme=dark`);
    const html = await res.text();
    expect(scriptsOf(html, res)[0]).to.equal('/dashboard/assets/teams-js.min.js');
    expect(html).to.contain('data-auth="teams"').and.contain('app-theme-dark app-in-teams').and.not.contain('Sign out');
    const csp = cspOf(res);
    expect(csp.get('frame-ancestors')).to.equal(["'self'", ...TEAMS_FRAME_ANCESTORS].join(' '));
    expect(csp.get('frame-ancestors')).to.contain('https://teams.microsoft.com').and.contain('https://*.cloud.microsoft');
    expect(res.headers.get('x-frame-options')).to.equal(null);
    // The Teams library refreshes its list of Teams hosts from Microsoft when it loads; nothing else is reachable.
    expect(csp.get('connect-src')).to.equal("'self' https://res.cdn.office.net");
  });

  it('sends a strict policy with a fresh nonce each time, and the sign-in page cannot be framed', async () => {
    const first = await fetch(`${bot.url}/dashboard`, { headers: { cookie } });
    const second = await fetch(`${bot.url}/dashboard`, { headers: { cookie } });
    const csp = cspOf(first);
    expect(csp.get('default-src')).to.equal("'none'");
    expect(csp.get('script-src')).to.match(/^'self' 'nonce-[A-Za-z0-9+/=]{24}'$/);
    expect(csp.get('connect-src')).to.equal("'self'");
    expect([...csp.values()].join(' ')).to.not.contain('unsafe');
    expect(cspOf(second).get('script-src')).to.not.equal(csp.get('script-src'));
    expect(first.headers.get('cache-control')).to.equal('no-store');
    expect(first.headers.get('x-content-type-options')).to.equal('nosniff');

    const signIn = await fetch(`${bot.url}/dashboard/sign-in`);
    expect(cspOf(signIn).get('frame-ancestors')).to.equal("'self'");
    expect(signIn.headers.get('x-frame-options')).to.equal('SAMEORIGIN');
    const html = await signIn.text();
    expect(scriptsOf(html, signIn)).to.deep.equal([]);
    expect(html).to.match(/<label class="govuk-label govuk-label--m" for="token">\s*Admin token\s*<\/label>/);
    expect(html).to.contain('type="password"');
  });

  it('takes a theme from ?theme= and ignores anything else', async () => {
    for (const [asked, shown] of [
      ['contrast', 'app-theme-contrast'],
      ['dark', 'app-theme-dark'],
      ['<script>', 'app-theme-default'],
      ['', 'app-theme-default'],
    ]) {
      const html = await (await fetch(`${bot.url}/dashboard?theme=${encodeURIComponent(asked)}`, { headers: { cookie } })).text();
      expect(html, asked).to.contain(`class="govuk-template__body ${shown}"`);
    }
  });

  it('serves its files with the right types, including Chart.js and Microsoft’s Teams library from node_modules', async () => {
    const files: [string, string, RegExp][] = [
      ['/dashboard/assets/chart.umd.js', 'text/javascript; charset=utf-8', /Chart\.js v4/],
      ['/dashboard/assets/teams-js.min.js', 'text/javascript; charset=utf-8', /microsoftTeams/],
      ['/dashboard/assets/dashboard.js', 'text/javascript; charset=utf-8', /Dashboard\.auth\.start/],
      ['/dashboard/assets/dashboard.css', 'text/css; charset=utf-8', /\.app-theme-contrast/],
      ['/dashboard/assets/govuk-frontend.min.css', 'text/css; charset=utf-8', /\.govuk-table/],
      ['/dashboard/assets/favicon.svg', 'image/svg+xml', /<svg/],
    ];
    for (const [path, type, content] of files) {
      const res = await fetch(`${bot.url}${path}`);
      expect(res.status, path).to.equal(200);
      expect(res.headers.get('content-type'), path).to.equal(type);
      expect(res.headers.get('x-content-type-options'), path).to.equal('nosniff');
      expect(await res.text(), path).to.match(content);
    }
    expect(await (await fetch(`${bot.url}/dashboard/assets/govuk-frontend.min.css`)).text(), 'no GDS Transport typeface').to.not.contain('GDS Transport');
  });
});
