import { BrowserContext } from 'playwright-core';

/** Where the fake Teams client is served from (an origin Microsoft's Teams library trusts). */
export const TEAMS_HOST = 'https://teams.microsoft.com';
/** The address the tab is served from inside the fake Teams client (routed to the local bot). */
export const TAB_ORIGIN = 'https://bot.council.example.gov.uk';

/** What the fake Teams client tells the tab. */
export interface TeamsHostOptions {
  /** The Teams theme in the context ("default", "dark" or "contrast"). */
  theme: string;
  /** What `authentication.getAuthToken()` returns: an SSO token for the signed-in user. */
  token: string;
  tenantId: string;
  userObjectId: string;
}

/**
 * The host side of Microsoft's Teams JavaScript library protocol, just enough for a static tab:
 * it answers `initialize` (frame context, client type, runtime), `getContext`, and
 * `authentication.getAuthToken`, and `window.changeTheme(theme)` sends a theme change as Teams
 * does. The tab's messages carry ids that the answers echo.
 */
function hostPage(options: TeamsHostOptions, tabUrl: string): string {
  const script = `
    const options = ${JSON.stringify(options)};
    const runtime = JSON.stringify({ apiVersion: 4, isLegacyTeams: false, supports: { appEntity: {}, pages: { config: {}, backStack: {} }, teams: { fullTrust: {} }, teamsCore: {} } });
    const frame = document.getElementById('tab');
    window.received = [];
    window.addEventListener('message', (event) => {
      const m = event.data;
      if (!m || typeof m.func !== 'string' || event.source !== frame.contentWindow) return;
      window.received.push(m.func);
      const reply = (args) => event.source.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, event.origin);
      if (m.func === 'initialize') reply(['content', 'web', runtime, '2.58.0']);
      else if (m.func === 'getContext') reply([{ theme: options.theme, entityId: 'dashboard', frameContext: 'content', hostClientType: 'web', locale: 'en-GB', userObjectId: options.userObjectId, tid: options.tenantId, appSessionId: 'session-1' }]);
      else if (m.func === 'authentication.getAuthToken') reply([true, options.token]);
    });
    window.changeTheme = (theme) => frame.contentWindow.postMessage({ func: 'themeChange', args: [theme] }, ${JSON.stringify(TAB_ORIGIN)});
  `;
  return `<!DOCTYPE html><html lang="en"><head><title>Microsoft Teams</title>
<style>body{margin:0;font-family:Arial} header{height:48px;background:#464775;color:#fff;padding:12px} iframe{border:0;width:100%;height:calc(100vh - 72px)}</style></head>
<body><header>Workforce Assistant – Dashboard</header><iframe id="tab" title="Dashboard" src="${tabUrl}"></iframe><script>${script}</script></body></html>`;
}

/**
 * Makes a browser context behave as if the dashboard were a tab in the Teams web client: the Teams
 * page is served locally at https://teams.microsoft.com, the tab's https address is routed to the
 * local bot, and Microsoft's CDN (where the Teams library refreshes its list of hosts) is unreachable.
 * `tabPath` is the tab's page (the dashboard unless a test opens another, such as Content).
 */
export async function routeTeamsHost(context: BrowserContext, botUrl: string, options: TeamsHostOptions, tabPath = '/dashboard?inTeams=1'): Promise<string> {
  await context.route(`${TEAMS_HOST}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: hostPage(options, `${TAB_ORIGIN}${tabPath}`) }),
  );
  await context.route(`${TAB_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    // As the council's TLS proxy would: the bot learns the address the browser used.
    const headers = { ...route.request().headers(), host: url.host, 'x-forwarded-proto': 'https' };
    const response = await route.fetch({ url: `${botUrl}${url.pathname}${url.search}`, headers });
    await route.fulfill({ response });
  });
  await context.route('https://res.cdn.office.net/**', (route) => route.abort());
  return `${TEAMS_HOST}/_#/apps/dashboard`;
}
