import path from 'node:path';
import { expect } from 'chai';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, requireChromium } from '../../helpers/chromium';
import { axeViolations, openPage } from '../../helpers/pageProbes';
import { FakeConnector } from '../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../helpers/runningBot';
import { movableClock } from '../../helpers/testDelivery';
import { seedDashboard, Seeded, STAFF } from './dashboardSeed';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'test-output', 'dashboard');
const ADMIN_TOKEN = 'dashboard-browser-admin-token';
const WAIT = { timeout: 15000 };
const NOW = '2026-11-23T09:30:00';

/** The body rows of the table with this caption, as the text of each cell. */
function tableRows(page: Page, caption: string): Promise<string[][]> {
  return page
    .locator('table', { has: page.locator('caption', { hasText: caption }) })
    .first()
    .evaluate((table) =>
      [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim())),
    );
}

/** Waits until the page has signed in and filled its sections. */
const loaded = (page: Page) => page.locator('#dashboard[data-state="loaded"]').waitFor({ state: 'attached', ...WAIT });

/** A short description of the focused element and whether its focus can be seen. */
function focused(page: Page): Promise<{ text: string; tag: string; visibleFocus: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
    return { text: (el.innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim(), tag: el.tagName, visibleFocus: outline || style.boxShadow !== 'none' };
  });
}

describe('dashboard in a real browser (Chromium)', function () {
  this.timeout(120000);
  let browser: Browser;
  let bot: RunningBot;
  let seeded: Seeded;
  const connector = new FakeConnector();
  const clock = movableClock(NOW);

  /** A browser context signed in through the sign-in form (the token is typed, as a person would). */
  async function signedIn(options: Parameters<Browser['newContext']>[0] = { viewport: { width: 1280, height: 900 } }): Promise<BrowserContext> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    await page.goto(`${bot.url}/dashboard`);
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await loaded(page);
    await page.close();
    return context;
  }

  before(async function () {
    requireChromium(this, SCREENSHOTS);
    const serviceUrl = await connector.start();
    bot = await startBot({ ADMIN_API_TOKEN: ADMIN_TOKEN }, { now: clock.now });
    seeded = await seedDashboard(bot.services, serviceUrl, clock.set);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
    await connector.stop();
  });
  afterEach(() => clock.set(NOW));

  it('refuses a wrong admin token with a GOV.UK error, then signs in and shows pulses, briefings and content gaps from the store; axe-clean, no CSP violations', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page, problems } = await openPage(context);
      await page.goto(`${bot.url}/dashboard`);
      expect(new URL(page.url()).pathname).to.equal('/dashboard/sign-in');
      await page.getByLabel('Admin token').fill('not-the-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').getByText('There is a problem').waitFor(WAIT);
      expect(await page.title()).to.match(/^Error: Sign in/);
      expect(await axeViolations(page), 'sign-in page with an error').to.deep.equal([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, '0-sign-in-error.png') });
      // Chromium logs the refused sign-in's 401 as a console error; it is the answer this step expects.
      expect(problems.errors).to.deep.equal(['Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
      problems.errors.length = 0;

      await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await loaded(page);
      expect(await page.locator('#dashboard-viewer').innerText()).to.equal('Signed in as Admin (signed in with the admin token).');

      expect(await tableRows(page, 'Pulses, newest first')).to.deep.equal([
        [
          'Youth service wellbeing Wellbeing and workload pulse',
          'Open',
          'Mon 23 Nov 2026 to Fri 4 Dec 2026',
          'Not shown: fewer than 5 responses so far.',
          'Not shown',
          'Show results of Youth service wellbeing',
        ],
        [
          'Induction feedback, November Induction feedback',
          'Open',
          'Mon 23 Nov 2026 to Fri 4 Dec 2026',
          'Not shown: fewer than 5 responses so far.',
          'Not shown',
          'Show results of Induction feedback, November',
        ],
        [
          'Wellbeing, November Wellbeing and workload pulse',
          'Open',
          'Mon 23 Nov 2026 to Mon 30 Nov 2026',
          '10 of 14 invited',
          '71.4%',
          'Show results of Wellbeing, November',
        ],
        [
          'Wellbeing, October Wellbeing and workload pulse',
          'Closed',
          'Mon 5 Oct 2026 to Mon 12 Oct 2026',
          '5 of 14 invited',
          '35.7%',
          'Show results of Wellbeing, October',
        ],
      ]);

      // The first pulse with figures is shown: a chart and a table per question, favourability, eNPS, trend, segments, comments.
      await page.getByRole('heading', { level: 3, name: 'Results: Wellbeing, November' }).waitFor(WAIT);
      const results = (await bot.services.surveys.results(seeded.november))!;
      if (results.questions.suppressed) throw new Error('the November wave should have figures');
      expect(results.questions.items).to.not.be.empty;
      for (const q of results.questions.items) {
        expect(await tableRows(page, `Answers to “${q.text}”`), q.text).to.deep.equal(q.distribution.map((d) => [d.label, String(d.count), `${d.percent}%`]));
        const chart = page.getByRole('img', {
          name: `Bar chart of how many people gave each answer to “${q.text}”. The table “Answers to “${q.text}”” has the same figures.`,
        });
        expect(await chart.count(), `chart for ${q.text}`).to.equal(1);
      }
      const pulseText = await page.locator('#pulse-results').innerText();
      expect(pulseText).to.contain('Favourable (4 or 5): 80%').and.contain('eNPS: +60 (promoters 70%, passives 20%, detractors 10%)');
      expect(pulseText).to.match(/Figures\s+Figures as released Monday 23 November 2026 at 09:30\. Updates after 4 more responses\./);
      expect(await page.locator('caption', { hasText: 'Compared with Wellbeing, October' }).innerText()).to.equal(
        'Compared with Wellbeing, October (closed Mon 12 Oct 2026, 5 responses)',
      );
      if (results.segments.suppressed) throw new Error('the November wave should have segments');
      expect((await tableRows(page, 'Results by sector')).map((r) => r.slice(0, 3))).to.deep.equal(
        results.segments.sector.shown.map((s) => [s.label, String(s.responses), `${s.questions[0].favourability!.favourable}%`]),
      );
      expect(results.segments.sector.shown.map((s) => s.label)).to.deep.equal(['Health', 'Not stated']);
      expect(pulseText).to.contain('Caseloads are heavy this winter');

      expect(await tableRows(page, 'Delivery of briefings, newest first')).to.deep.equal([
        ['Training catalogue 2027 Published 24 Nov 2026 at 09:00', '5', '0', '0', '5', '0', '0', '0'],
        ['Integrated induction changes Published 23 Nov 2026 at 09:30', '14', '14', '5', '0', '0', '0', '0'],
      ]);
      expect(await page.getByRole('img', { name: /^Stacked bar chart of delivery for the 2 latest briefings/ }).count()).to.equal(1);

      expect(await tableRows(page, 'Questions the bot could not answer')).to.deep.equal([
        ['how do I claim mileage for home visits', '3', '23 Nov 2026 at 09:30', 'Write an answer for "how do I claim mileage for home visits"'],
        ['what is the pedagogue allowance', '2', '23 Nov 2026 at 09:30', 'Write an answer for "what is the pedagogue allowance"'],
        ['who runs the youth club rota', '1', '23 Nov 2026 at 09:30', 'Write an answer for "who runs the youth club rota"'],
      ]);
      // Each unanswered question opens the Content page with a new draft that already has the question.
      expect(await page.locator('#gaps-body a', { hasText: 'Write an answer' }).first().getAttribute('href')).to.equal(
        '/dashboard/content?question=how+do+I+claim+mileage+for+home+visits',
      );
      expect(await tableRows(page, 'Least helpful entries')).to.deep.equal([
        ['Common Assessment Framework (CAF)', '2', '1'],
        ['Child and Adolescent Mental Health Services (CAMHS)', '1', '0'],
        ['retired-entry (no longer in the knowledge base)', '1', '0'],
      ]);

      await page.screenshot({ path: path.join(SCREENSHOTS, '1-default.png'), fullPage: true });
      expect(await axeViolations(page)).to.deep.equal([]);
      expect(problems.csp, 'CSP violations').to.deep.equal([]);
      expect(problems.errors, 'script and console errors').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('shows a wave with 4 responses as "fewer than 5 responses", with no figure, table or chart', async () => {
    const context = await signedIn();
    try {
      const page = await context.newPage();
      await page.goto(`${bot.url}/dashboard`);
      await loaded(page);
      await page.getByRole('button', { name: 'Show results of Induction feedback, November' }).click();
      const heading = page.getByRole('heading', { level: 3, name: 'Results: Induction feedback, November' });
      await heading.waitFor(WAIT);
      expect(await heading.evaluate((el) => el === document.activeElement), 'focus moves to the results').to.equal(true);
      const details = page.locator('#pulse-results');
      const text = await details.innerText();
      expect(text)
        .to.match(/Responses\s+Not shown: fewer than 5 responses so far\./)
        .and.match(/Response rate\s+Not shown/);
      expect(await details.locator('.govuk-inset-text').allInnerTexts()).to.deep.equal(['Not shown: fewer than 5 responses so far.']);
      expect(await details.locator('table, canvas').count(), 'no tables or charts').to.equal(0);
      // The only figures are the dates, the group size and when the first update comes, never a count of answers.
      expect(text).to.match(/Figures\s+No figures yet\. Updates after 1 more response\./);
      expect(
        text
          .replace(/\d{1,2} [A-Z][a-z]{2} \d{4}/g, '')
          .replace('5 people', '')
          .replaceAll('fewer than 5', '')
          .replace('Updates after 1 more response', ''),
      ).to.not.match(/\d/);
      await page.screenshot({ path: path.join(SCREENSHOTS, '2-suppressed-wave.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  for (const [theme, background] of [
    ['dark', 'rgb(31, 31, 31)'],
    ['contrast', 'rgb(0, 0, 0)'],
  ] as const) {
    it(`follows ?theme=${theme}: its colours, axe-clean (colour contrast included)`, async () => {
      const context = await signedIn();
      try {
        const { page, problems } = await openPage(context);
        await page.goto(`${bot.url}/dashboard?theme=${theme}`);
        await loaded(page);
        expect(await page.evaluate(() => document.body.className)).to.equal(`govuk-template__body app-theme-${theme}`);
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).to.equal(background);
        expect(await page.getByRole('link', { name: theme === 'dark' ? 'Dark' : 'High contrast' }).getAttribute('aria-current')).to.equal('true');
        await page.screenshot({ path: path.join(SCREENSHOTS, `3-theme-${theme}.png`), fullPage: true });
        expect(await axeViolations(page), 'with a pulse’s charts, tables and segments').to.deep.equal([]);
        await page.getByRole('button', { name: 'Show results of Induction feedback, November' }).click();
        await page.getByRole('heading', { level: 3, name: 'Results: Induction feedback, November' }).waitFor(WAIT);
        expect(await axeViolations(page)).to.deep.equal([]);
        expect(problems.csp).to.deep.equal([]);
      } finally {
        await context.close();
      }
    });
  }

  it('switches theme in place, as Teams asks it to, recolouring the charts', async () => {
    const context = await signedIn();
    try {
      const page = await context.newPage();
      await page.goto(`${bot.url}/dashboard`);
      await loaded(page);
      const chartColour = () =>
        page.evaluate(() => {
          const canvas = document.querySelector('#pulse-results canvas') as HTMLCanvasElement;
          const chart = (
            window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { datasets: { backgroundColor: string }[] } } } }
          ).Chart.getChart(canvas);
          return chart.data.datasets[0].backgroundColor;
        });
      expect(await chartColour()).to.equal('#1d70b8');
      // The handler Teams calls (app.registerOnThemeChangeHandler) hands the theme to Dashboard.theme.set.
      for (const [theme, colour] of [
        ['dark', '#7fb2f0'],
        ['contrast', '#1aebff'],
        ['default', '#1d70b8'],
      ]) {
        await page.evaluate((t) => (window as unknown as { Dashboard: { theme: { set(t: string): void } } }).Dashboard.theme.set(t), theme);
        expect(await page.evaluate(() => document.body.classList.value)).to.contain(`app-theme-${theme}`);
        expect(await chartColour(), theme).to.equal(colour);
      }
    } finally {
      await context.close();
    }
  });

  it('can be used with the keyboard alone, focus always visible, with a skip link, headings and landmarks', async () => {
    const context = await signedIn();
    try {
      const page = await context.newPage();
      await page.goto(`${bot.url}/dashboard`);
      await loaded(page);
      for (const role of ['banner', 'main', 'contentinfo'] as const) expect(await page.getByRole(role).count(), role).to.equal(1);
      for (const name of ['Pulses', 'Briefings', 'Content gaps']) expect(await page.getByRole('region', { name }).count(), name).to.equal(1);
      expect(await page.getByRole('heading', { level: 1 }).allInnerTexts()).to.deep.equal(['Dashboard']);

      await page.keyboard.press('Tab');
      expect((await focused(page)).text).to.equal('Skip to main content');
      let reached = false;
      for (let i = 0; i < 30 && !reached; i++) {
        await page.keyboard.press('Tab');
        const now = await focused(page);
        expect(now.visibleFocus, `focus is visible on ${now.tag} "${now.text.slice(0, 40)}"`).to.equal(true);
        reached = now.text === 'Show results of Induction feedback, November';
      }
      expect(reached, 'Tab reaches the pulse buttons').to.equal(true);
      await page.screenshot({ path: path.join(SCREENSHOTS, '4-keyboard-focus.png') });
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 3, name: 'Results: Induction feedback, November' }).waitFor(WAIT);
      expect((await focused(page)).text).to.equal('Results: Induction feedback, November');
    } finally {
      await context.close();
    }
  });

  it('updates briefing progress live, without a reload', async () => {
    const context = await signedIn();
    try {
      const page = await context.newPage();
      await page.goto(`${bot.url}/dashboard`);
      await loaded(page);
      const acknowledged = async () => (await tableRows(page, 'Delivery of briefings'))[1][3];
      expect(await acknowledged()).to.equal('5');
      expect(await bot.services.briefings.acknowledge(seeded.sentBriefing, STAFF[6].userId)).to.equal(true);
      await page.waitForFunction(() => [...document.querySelectorAll('#briefings-body tbody tr')][1]?.children[3]?.textContent === '6', undefined, {
        timeout: 15000,
        polling: 250,
      });
      expect(await acknowledged()).to.equal('6');
    } finally {
      await context.close();
    }
  });

  it('works at 200% zoom: nothing needs scrolling sideways except inside a wide table', async () => {
    const context = await signedIn({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      await page.goto(`${bot.url}/dashboard`);
      await loaded(page);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll, 'no horizontal scrolling of the page').to.be.at.most(widths.client);
      // A table too wide for the screen scrolls inside a labelled region that the keyboard can reach.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('.app-table-wrap')]
          .filter((w) => w.scrollWidth > w.clientWidth + 1)
          .map((w) => [w.getAttribute('tabindex'), w.getAttribute('role')]),
      );
      expect(wide.length, 'some table is wider than a zoomed screen').to.be.greaterThan(0);
      for (const attributes of wide) expect(attributes).to.deep.equal(['0', 'region']);
      await page.locator('#briefings').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SCREENSHOTS, '5-zoom-200.png') });
      expect(await axeViolations(page)).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('when the sign-in expires, removes every figure and offers to sign in again', async () => {
    const context = await signedIn();
    try {
      const page = await context.newPage();
      await page.goto(`${bot.url}/dashboard`);
      await loaded(page);
      clock.advance({ minutes: 61 });
      const heading = page.getByRole('heading', { level: 2, name: 'You are not signed in' });
      await heading.waitFor(WAIT);
      expect(await page.locator('#dashboard-content').count(), 'the sections are gone').to.equal(0);
      expect(await page.getByText('Your sign-in has expired. Sign in again.').count()).to.equal(1);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByLabel('Admin token').waitFor(WAIT);
      expect(new URL(page.url()).pathname).to.equal('/dashboard/sign-in');
    } finally {
      await context.close();
    }
  });

  it('opened as the Teams tab outside Teams, says it could not connect and shows no data', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${bot.url}/dashboard?inTeams=1`);
      await page.getByRole('heading', { level: 2, name: 'This page could not connect to Microsoft Teams' }).waitFor(WAIT);
      expect(await page.locator('#dashboard-content').count()).to.equal(0);
      expect(await page.getByRole('link', { name: 'sign in from a browser' }).getAttribute('href')).to.equal('/dashboard');
      expect(await axeViolations(page)).to.deep.equal([]);
      await page.screenshot({ path: path.join(SCREENSHOTS, '6-teams-tab-outside-teams.png') });
    } finally {
      await context.close();
    }
  });
});
