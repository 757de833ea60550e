import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect } from 'chai';
import { SignJWT } from 'jose';
import { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchChromium, requireChromium } from '../../helpers/chromium';
import { axeViolations, openPage } from '../../helpers/pageProbes';
import { RunningBot, startBot } from '../../helpers/runningBot';
import { FIXED_NOW } from '../../helpers/testServices';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'test-output', 'webchat');
const USER_TOKEN_SECRET = 'browser-tests-shared-secret-32-characters';
const WAIT = { timeout: 15000 };
/** The welcome card's heading (Web Chat's Markdown may curl the apostrophe). */
const WELCOME = /^Welcome to Children.s Workforce Assistant$/;

type Scope = Page | FrameLocator;

/** A card's text block that reads exactly `text` (a card heading, for instance). */
const cardText = (scope: Scope, text: string) =>
  scope
    .locator('.webchat__render-markdown--adaptive-cards')
    .filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .first();

/** A chat bubble saying `text`. */
const bubble = (scope: Scope, text: string) => scope.locator('.webchat__bubble__content').getByText(text, { exact: true }).first();

/** A short description of the focused element and whether its focus can be seen. */
function focused(page: Page): Promise<{ text: string; label: string; tag: string; visibleFocus: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
    return {
      text: (el.textContent ?? '').trim(),
      label: el.getAttribute('aria-label') ?? '',
      tag: el.tagName,
      visibleFocus: outline || style.boxShadow !== 'none',
    };
  });
}

/** Presses a key until the focused element matches, checking every stop on the way shows its focus. */
async function pressUntil(page: Page, key: string, match: (f: Awaited<ReturnType<typeof focused>>) => boolean): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (now.tag !== 'BODY') expect(now.visibleFocus, `focus is visible on ${now.tag} "${now.label || now.text.slice(0, 40)}"`).to.equal(true);
    if (match(now)) return;
  }
  throw new Error(`pressing ${key} never reached the element`);
}

async function signedUserToken(sub: string, name: string): Promise<string> {
  return new SignJWT({ name, email: `${sub.toLowerCase()}@council.example.gov.uk` })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setExpirationTime(Math.floor(FIXED_NOW.plus({ hours: 1 }).toSeconds()))
    .sign(new TextEncoder().encode(USER_TOKEN_SECRET));
}

/** An "intranet" page on another origin that embeds the chat with one script tag. */
async function startIntranet(): Promise<{ server: http.Server; url: string; setBody(html: string): void }> {
  let body = '';
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://localhost:${(server.address() as AddressInfo).port}`, setBody: (html) => (body = html) };
}

describe('web chat page in a real browser (Chromium)', function () {
  this.timeout(90000);
  let browser: Browser;
  let bot: RunningBot;
  let intranet: Awaited<ReturnType<typeof startIntranet>>;

  before(async function () {
    requireChromium(this, SCREENSHOTS);
    intranet = await startIntranet();
    bot = await startBot({ WEBCHAT_TOKEN_SECRET: USER_TOKEN_SECRET, WEBCHAT_EMBED_ORIGINS: intranet.url });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
    await new Promise<void>((resolve) => (intranet ? intranet.server.close(() => resolve()) : resolve()));
  });

  let context: BrowserContext;
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await context?.close();
  });

  it('shows the welcome, answers a question with a card, and its buttons work; no CSP violations; axe finds nothing', async () => {
    const { page, problems } = await openPage(context);
    await page.goto(`${bot.url}/`);
    expect(await page.title()).to.equal("Ask a question – Children's Workforce Assistant");
    await page.getByRole('heading', { level: 1, name: "Children's Workforce Assistant" }).waitFor(WAIT);
    await page.getByText(WELCOME).waitFor(WAIT);
    await page.screenshot({ path: path.join(SCREENSHOTS, '1-welcome.png'), fullPage: true });

    const sendBox = page.getByRole('textbox', { name: 'Message input box' });
    await sendBox.fill('what is a lead professional');
    await sendBox.press('Enter');
    await cardText(page, 'Lead professional (LP)').waitFor(WAIT);
    await page
      .getByText(/^Source: /)
      .last()
      .waitFor(WAIT);
    await page.screenshot({ path: path.join(SCREENSHOTS, '2-answer.png'), fullPage: true });

    // A related-entry suggestion on the answer card (Action.Submit with data, sent as a postBack).
    await page.getByRole('button', { name: 'Team Around the Child (TAC)' }).last().click();
    await cardText(page, 'Team Around the Child (TAC)').waitFor(WAIT);
    // An example question on the welcome card (Action.Submit with a string, sent as the user's words).
    await page.getByRole('button', { name: 'What is a CAF?' }).first().click();
    await bubble(page, 'What is a CAF?').waitFor(WAIT);
    await cardText(page, 'Common Assessment Framework (CAF)').waitFor(WAIT);

    await page.getByRole('button', { name: 'Yes' }).last().click();
    await bubble(page, 'Thanks, glad it helped.').waitFor(WAIT);
    await page.screenshot({ path: path.join(SCREENSHOTS, '3-feedback.png'), fullPage: true });

    expect(await axeViolations(page)).to.deep.equal([]);
    expect(problems.csp, 'CSP violations').to.deep.equal([]);
    expect(problems.errors, 'script and console errors').to.deep.equal([]);
  });

  it('shows the message box without scrolling at 1280×900, and "export my data" downloads a JSON file', async () => {
    const { page, problems } = await openPage(context);
    await page.goto(`${bot.url}/`);
    await page.getByText(WELCOME).waitFor(WAIT);
    const sendBox = page.getByRole('textbox', { name: 'Message input box' });
    const box = await sendBox.boundingBox();
    expect(box, 'the message box is laid out').not.to.equal(null);
    expect(box!.y + box!.height, 'bottom of the message box').to.be.at.most(900);
    expect(await page.evaluate(() => window.scrollY)).to.equal(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, '8-first-view.png') });

    await sendBox.fill('export my data');
    await sendBox.press('Enter');
    const link = page.locator('#webchat a[download], #webchat a[href^="data:application/json"]').last();
    await link.waitFor(WAIT);
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), link.click()]);
    expect(download.suggestedFilename()).to.equal('my-data.json');
    const file = await download.path();
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { note: string };
    expect(data.note).to.be.a('string');
    expect(problems.csp, 'CSP violations').to.deep.equal([]);
  });

  it('shows the safeguarding contacts card for a concern, readable by everyone (axe finds nothing)', async () => {
    const { page } = await openPage(context);
    await page.goto(`${bot.url}/`);
    await page.getByText(WELCOME).waitFor(WAIT);
    const sendBox = page.getByRole('textbox', { name: 'Message input box' });
    await sendBox.fill('a young person just told me they are being abused');
    await sendBox.press('Enter');
    await page
      .getByText(/call 999 now/)
      .last()
      .waitFor(WAIT);
    await page.screenshot({ path: path.join(SCREENSHOTS, '1b-safeguarding.png'), fullPage: true });
    expect(await axeViolations(page)).to.deep.equal([]);
  });

  it('has a title, landmarks and a skip link, and can be used with the keyboard alone, focus always visible', async () => {
    const { page } = await openPage(context);
    await page.goto(`${bot.url}/`);
    await page.getByText(WELCOME).waitFor(WAIT);
    for (const role of ['banner', 'main', 'contentinfo'] as const) expect(await page.getByRole(role).count(), role).to.equal(1);
    expect(await page.getByRole('region', { name: 'Chat' }).count()).to.equal(1);

    await page.keyboard.press('Tab');
    expect((await focused(page)).text).to.equal('Skip to main content');
    await pressUntil(page, 'Tab', (f) => f.label === 'Message input box');
    await page.keyboard.type('what is a lead professional');
    await page.keyboard.press('Enter');
    await cardText(page, 'Lead professional (LP)').waitFor(WAIT);

    // Into the chat history, to the newest message, into its card, to "Yes".
    await pressUntil(page, 'Shift+Tab', (f) => f.label.startsWith('Chat history'));
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await pressUntil(page, 'Tab', (f) => f.tag === 'BUTTON' && f.text === 'Yes');
    await page.screenshot({ path: path.join(SCREENSHOTS, '4-keyboard-focus.png') });
    await page.keyboard.press('Enter');
    await bubble(page, 'Thanks, glad it helped.').waitFor(WAIT);
  });

  it('works at 200% zoom: nothing needs scrolling sideways and the answer is readable', async () => {
    const zoomed = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    try {
      const page = await zoomed.newPage();
      await page.goto(`${bot.url}/`);
      await page.getByText(WELCOME).waitFor(WAIT);
      const sendBox = page.getByRole('textbox', { name: 'Message input box' });
      await sendBox.fill('what is a lead professional');
      await sendBox.press('Enter');
      const heading = cardText(page, 'Lead professional (LP)');
      await heading.waitFor(WAIT);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, 'no horizontal scrolling').to.be.at.most(widths.client);
      const yes = page.getByRole('button', { name: 'Yes' }).last();
      for (const [name, locator] of [
        ['send box', sendBox],
        ['card heading', heading],
        ['Yes button', yes],
      ] as const) {
        // Measured around the element's contents: Web Chat's Markdown blocks report no box of their own.
        const box = await locator.evaluate((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const rect = el.getBoundingClientRect().width > 0 ? el.getBoundingClientRect() : range.getBoundingClientRect();
          return rect.toJSON() as { left: number; right: number; width: number };
        });
        expect(box.width, `${name} has room`).to.be.greaterThan(0);
        expect(box.left, `${name} starts on screen`).to.be.at.least(0);
        expect(box.right, `${name} ends on screen`).to.be.at.most(640);
      }
      await sendBox.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, '5-zoom-200.png') });
    } finally {
      await zoomed.close();
    }
  });

  it('refuses a bad user token with a clear message and carries on anonymously', async () => {
    const { page } = await openPage(context);
    await page.goto(`${bot.url}/#userToken=not.a-valid.token`);
    const notice = page.getByRole('status');
    await notice.getByText(/could not confirm who you are.*chatting anonymously/).waitFor(WAIT);
    await page.getByText(WELCOME).waitFor(WAIT);
    expect(new URL(page.url()).hash, 'the token is taken out of the address bar').to.equal('');
    expect(await page.evaluate(() => sessionStorage.getItem('staffbot.webchat.anonymousUserId'))).to.match(/^dl_anon_/);
    await page.screenshot({ path: path.join(SCREENSHOTS, '6-bad-user-token.png') });
  });

  it('keeps the anonymous id for the browser session', async () => {
    const { page } = await openPage(context);
    await page.goto(`${bot.url}/`);
    await page.getByText(WELCOME).waitFor(WAIT);
    const first = await page.evaluate(() => sessionStorage.getItem('staffbot.webchat.anonymousUserId'));
    expect(first, 'an anonymous id is kept in the session').to.match(/^dl_anon_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await page.reload();
    await page.getByText(WELCOME).waitFor(WAIT);
    expect(await page.evaluate(() => sessionStorage.getItem('staffbot.webchat.anonymousUserId'))).to.equal(first);
  });

  it('embeds in a corner of an intranet page on another origin, signed in with the intranet’s token', async () => {
    const token = await signedUserToken('E4242', 'Robin Embed');
    intranet.setBody(`<!DOCTYPE html><html lang="en"><head><title>Council intranet</title></head>
<body><main><h1>Council intranet</h1><p>News and links.</p></main>
<script src="${bot.url}/embed.js" data-user-token="${token}" async></script></body></html>`);
    const { page, problems } = await openPage(context);
    await page.goto(intranet.url);
    const open = page.getByRole('button', { name: "Ask the Children's Workforce Assistant" });
    await open.waitFor(WAIT);
    expect(await page.locator('iframe').count(), 'Web Chat loads only when opened').to.equal(0);
    await open.click();
    expect(await open.getAttribute('aria-expanded')).to.equal('true');
    const frame = page.frameLocator(`iframe[title="Children's Workforce Assistant chat"]`);
    await frame.getByText(WELCOME).waitFor(WAIT);
    const sendBox = frame.getByRole('textbox', { name: 'Message input box' });
    await sendBox.fill('what does TAC mean');
    await sendBox.press('Enter');
    await cardText(frame, 'Team Around the Child (TAC)').waitFor(WAIT);
    await page.screenshot({ path: path.join(SCREENSHOTS, '7-embedded.png') });

    expect(bot.services.webChat.users.get('dl_user_E4242')).to.deep.include({ name: 'Robin Embed', verified: true });
    const chatFrame = page.frames().find((f) => f.url().startsWith(`${bot.url}/?embed=1`))!;
    expect(new URL(chatFrame.url()).hash, 'the token is taken out of the frame address').to.equal('');
    expect(await axeViolations(chatFrame)).to.deep.equal([]);

    await page.getByRole('button', { name: 'Close chat' }).click();
    expect(await open.getAttribute('aria-expanded')).to.equal('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).to.equal("Ask the Children's Workforce Assistant");
    expect(problems.csp).to.deep.equal([]);
  });
});

describe('web chat page with tokens shorter than the official client’s 15-minute refresh (Chromium)', function () {
  this.timeout(90000);
  let browser: Browser;
  let bot: RunningBot;
  let serverNow = FIXED_NOW;

  before(async function () {
    requireChromium(this, SCREENSHOTS);
    // Five-minute tokens; streams check theirs every second, so the server's moved clock is noticed at once.
    bot = await startBot({ WEBCHAT_TOKEN_MINUTES: '5', WEBCHAT_KEEPALIVE_SECONDS: '1' }, { now: () => serverNow });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('refreshes its token before it expires, so the chat still answers long after the first token ran out', async () => {
    const context = await browser.newContext();
    try {
      const { page, problems } = await openPage(context);
      // The page's own clock, so its timers (and Web Chat's) can be moved on with the server's.
      await page.clock.install();
      await page.goto(`${bot.url}/`);
      await page.getByText(WELCOME).waitFor(WAIT);

      const refreshed = page.waitForResponse((r) => r.url().endsWith('/v3/directline/tokens/refresh') && r.status() === 200, WAIT);
      serverNow = FIXED_NOW.plus({ minutes: 3 });
      await page.clock.fastForward('03:00');
      await refreshed;

      // The first token has expired: the server closes the stream, the client reconnects with the refreshed one.
      serverNow = FIXED_NOW.plus({ minutes: 6 });
      await page.clock.fastForward('00:20');
      const sendBox = page.getByRole('textbox', { name: 'Message input box' });
      await sendBox.fill('what does TAC mean');
      await sendBox.press('Enter');
      await page.clock.fastForward('00:20');
      await cardText(page, 'Team Around the Child (TAC)').waitFor(WAIT);
      expect(await page.getByText(/Send failed/).count(), 'nothing failed to send').to.equal(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, '8-after-token-refresh.png') });
      expect(problems.errors, 'script and console errors').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
