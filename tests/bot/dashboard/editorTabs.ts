import { Browser, Frame, Page } from 'playwright-core';
import { launchChromium, requireChromium } from '../../helpers/chromium';
import { RunningBot, startBot } from '../../helpers/runningBot';
import { fixedClock } from '../../helpers/testServices';
import { routeTeamsHost, TAB_ORIGIN } from './fakeTeamsHost';
import { FakeEntraId, ssoEnv, TENANT } from './ssoTestKit';

const WAIT = { timeout: 15000 };

/** A content editor as Entra ID names them. */
export interface Editor {
  oid: string;
  name: string;
}

/** A dashboard editor tab open in the stand-in Teams client, with every page error and CSP violation it raised. */
export interface OpenTab {
  page: Page;
  frame: Frame;
  errors: string[];
  close(): Promise<void>;
}

/** The editor page's frame inside the stand-in Teams client, once it has signed in and `loaded` matches. */
async function editorFrame(page: Page, path: string, loaded: string): Promise<Frame> {
  await page.locator('iframe#tab').waitFor(WAIT);
  for (let i = 0; i < 100; i++) {
    const frame = page.frames().find((f) => f.url().startsWith(`${TAB_ORIGIN}${path}`));
    if (frame) {
      await frame.locator(loaded).waitFor({ state: 'attached', ...WAIT });
      return frame;
    }
    await page.waitForTimeout(100);
  }
  throw new Error(`the ${path} tab never loaded`);
}

/**
 * Registers the suite's before/after hooks: a stand-in Entra ID, a bot where `editors` may edit
 * content, and Chromium. `open` signs an editor in to a dashboard tab as Teams would show it.
 */
export function editorTabs(screenshots: string, editors: Editor[]): { bot(): RunningBot; open(user: Editor, path: string, loaded: string): Promise<OpenTab> } {
  let browser: Browser;
  let bot: RunningBot;
  const entra = new FakeEntraId();

  before(async function () {
    requireChromium(this, screenshots);
    const jwksUrl = await entra.start();
    bot = await startBot({ ...ssoEnv(jwksUrl), CONTENT_EDITORS: editors.map((e) => e.oid).join(','), CONTENT_POLL_MS: '60000' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
    await entra.stop();
  });

  return {
    bot: () => bot,
    async open(user, pathAndQuery, loaded) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      const token = await entra.token(fixedClock(), user);
      const url = await routeTeamsHost(context, bot.url, { theme: 'default', token, tenantId: TENANT, userObjectId: user.oid }, pathAndQuery);
      const errors: string[] = [];
      await context.exposeFunction('reportCspViolation', (text: string) => errors.push(`CSP: ${text}`));
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { reportCspViolation(t: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const page = await context.newPage();
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(url);
      return { page, frame: await editorFrame(page, pathAndQuery.split('?')[0], loaded), errors, close: () => context.close() };
    },
  };
}
