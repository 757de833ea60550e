import path from 'node:path';
import { expect } from 'chai';
import { Browser, Frame, Page } from 'playwright-core';
import { HttpConnectorSender } from '../../../bot/platform/delivery/connectorSender';
import { launchChromium, requireChromium } from '../../helpers/chromium';
import { axeViolations } from '../../helpers/pageProbes';
import { FakeConnector } from '../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../helpers/runningBot';
import { movableClock } from '../../helpers/testDelivery';
import { COMMS_AAD, seedDashboard } from './dashboardSeed';
import { routeTeamsHost, TAB_ORIGIN, TeamsHostOptions } from './fakeTeamsHost';
import { FakeEntraId, ssoEnv, TENANT } from './ssoTestKit';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'test-output', 'dashboard');
const WAIT = { timeout: 15000 };

/** The dashboard's frame inside the fake Teams client, once it has loaded. */
async function tabFrame(page: Page): Promise<Frame> {
  await page.locator('iframe#tab').waitFor(WAIT);
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(`${TAB_ORIGIN}/dashboard`));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('the tab never loaded');
}

describe('dashboard as a Teams tab (Chromium, in a stand-in Teams client)', function () {
  this.timeout(90000);
  let browser: Browser;
  let bot: RunningBot;
  const connector = new FakeConnector();
  const entra = new FakeEntraId();
  const clock = movableClock('2026-11-23T09:30:00');

  before(async function () {
    requireChromium(this, SCREENSHOTS);
    const serviceUrl = await connector.start();
    const jwksUrl = await entra.start();
    // With MicrosoftAppId set the bot would ask Entra ID for a connector token; the fake connector needs none.
    const sender = new HttpConnectorSender(async () => undefined, 5000);
    bot = await startBot({ ...ssoEnv(jwksUrl), COMMS_USERS: COMMS_AAD }, { now: clock.now, sender });
    await seedDashboard(bot.services, serviceUrl, clock.set);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
    await connector.stop();
    await entra.stop();
  });

  /** Opens the Teams client with the dashboard tab for a user, in a theme. */
  async function openTab(user: { oid: string; name: string }, theme: string): Promise<{ page: Page; frame: Frame; csp: string[]; close(): Promise<void> }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const options: TeamsHostOptions = { theme, token: await entra.token(clock.now(), user), tenantId: TENANT, userObjectId: user.oid };
    const url = await routeTeamsHost(context, bot.url, options);
    const csp: string[] = [];
    await context.exposeFunction('reportCspViolation', (text: string) => csp.push(text));
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const page = await context.newPage();
    await page.goto(url);
    return { page, frame: await tabFrame(page), csp, close: () => context.close() };
  }

  it('initialises Teams, takes the Teams theme, signs in with the SSO token and shows a comms user their pulses; follows a theme change', async () => {
    const tab = await openTab({ oid: COMMS_AAD, name: 'Casey Comms' }, 'dark');
    try {
      const { page, frame } = tab;
      await frame.locator('#dashboard[data-state="loaded"]').waitFor({ state: 'attached', ...WAIT });
      expect(await frame.locator('#dashboard-viewer').innerText()).to.equal('Signed in with Teams as Casey Comms (communications team).');
      expect(await frame.evaluate(() => document.body.className)).to.equal('govuk-template__body app-in-teams app-theme-dark');
      expect(await page.evaluate(() => (window as unknown as { received: string[] }).received)).to.include.members([
        'initialize',
        'getContext',
        'authentication.getAuthToken',
      ]);
      // Only the pulses this comms user started, as in the chat.
      const names = await frame.locator('#pulses-list tbody th, #pulses-list tbody td:first-child').allInnerTexts();
      expect(names.map((n) => n.split('\n')[0])).to.deep.equal(['Induction feedback, November', 'Wellbeing, November', 'Wellbeing, October']);
      expect(await frame.getByRole('button', { name: 'Sign out' }).count(), 'Teams signs people in and out').to.equal(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, '7-teams-tab-dark.png') });
      expect(await axeViolations(frame)).to.deep.equal([]);

      await page.evaluate(() => (window as unknown as { changeTheme(t: string): void }).changeTheme('contrast'));
      await frame.waitForFunction(() => document.body.classList.contains('app-theme-contrast'), undefined, WAIT);
      expect(await frame.evaluate(() => document.body.classList.contains('app-theme-dark'))).to.equal(false);
      expect(await axeViolations(frame)).to.deep.equal([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, '8-teams-tab-contrast.png') });
      expect(tab.csp, 'CSP violations').to.deep.equal([]);
    } finally {
      await tab.close();
    }
  });

  it('shows someone without the comms role a 403 message and no data', async () => {
    const tab = await openTab({ oid: 'aad-frontline', name: 'Sam Staff' }, 'default');
    try {
      const { page, frame } = tab;
      await frame.getByRole('heading', { level: 2, name: 'You do not have access to the dashboard' }).waitFor(WAIT);
      expect(await frame.locator('#dashboard-content').count(), 'the sections are gone').to.equal(0);
      expect(await frame.locator('body').innerText()).to.not.match(/Wellbeing|Integrated induction|mileage/);
      expect(await axeViolations(frame)).to.deep.equal([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, '9-teams-tab-forbidden.png') });
    } finally {
      await tab.close();
    }
  });
});
