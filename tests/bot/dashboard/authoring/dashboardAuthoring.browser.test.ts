import path from 'node:path';
import { expect } from 'chai';
import { Browser } from 'playwright-core';
import { HttpConnectorSender } from '../../../../bot/platform/delivery/connectorSender';
import { launchChromium, requireChromium } from '../../../helpers/chromium';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { axeViolations, openPage } from '../../../helpers/pageProbes';
import { RunningBot, startBot } from '../../../helpers/runningBot';
import { movableClock, reachableUser } from '../../../helpers/testDelivery';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', '..', 'test-output', 'dashboard-authoring');
const ADMIN_TOKEN = 'dashboard-authoring-browser-token';
const WAIT = { timeout: 20000 };
const AUTHOR_AAD = 'aad-browser-author';
const TEAM = '19:browser-authoring-team@thread.tacv2';
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1"><b>Bold</b> winter rota';

describe('dashboard authoring form in a real browser (Chromium)', function () {
  this.timeout(180000);
  let browser: Browser;
  let bot: RunningBot;
  const connector = new FakeConnector();
  const clock = movableClock('2026-11-23T10:00:00');

  before(async function () {
    requireChromium(this, SCREENSHOTS);
    const serviceUrl = await connector.start();
    bot = await startBot({ ADMIN_API_TOKEN: ADMIN_TOKEN }, { now: clock.now, sender: new HttpConnectorSender(async () => undefined) });
    const { store } = bot.services;
    for (const [i, sector] of (['health', 'health', 'education'] as const).entries()) {
      await reachableUser(store, `29:browser-staff-${i}`, serviceUrl, 'tenant-1', `aad-browser-staff-${i}`);
      await store.profiles.save({ userId: `29:browser-staff-${i}`, sector, topics: [] });
    }
    await reachableUser(store, '29:browser-author', serviceUrl, 'tenant-1', AUTHOR_AAD);
    await store.rosters.saveTeam({ teamId: TEAM, tenantId: 'tenant-1', serviceUrl, botId: '28:bot', name: 'Early years', generalChannelId: TEAM });
    await store.rosters.addMembers(
      TEAM,
      [1, 2].map((n) => ({ userId: `29:browser-roster-${n}`, aadObjectId: `aad-browser-roster-${n}` })),
    );
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
    await connector.stop();
  });

  it('fills a briefing, shows the live count, previews the card with HTML as text, sends a test, schedules and confirms', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    try {
      const { page, problems } = await openPage(context);
      await page.goto(`${bot.url}/dashboard`);
      await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#authoring-form').waitFor(WAIT);

      // Everyone: three chats, the author's chat and two roster members nobody has chatted with.
      await page.getByLabel('Everyone the bot can reach').check();
      await page.locator('#authoring-count', { hasText: 'In the audience: 6.' }).waitFor(WAIT);
      expect(await page.locator('#authoring-count').innerText())
        .to.contain('Reachable now: 6.')
        .and.contain('Needs the app installed: 0.');
      // A filter narrows it at once.
      await page.getByLabel('Everyone the bot can reach').uncheck();
      await page.getByRole('group', { name: 'Sector' }).getByLabel('Health', { exact: true }).check();
      await page.locator('#authoring-count', { hasText: 'In the audience: 2.' }).waitFor(WAIT);

      // Preview with problems: every one listed in the GOV.UK error summary.
      await page.getByLabel('Link (optional)').fill('http://not-secure.example');
      await page.getByRole('button', { name: 'Preview' }).click();
      const summary = page.locator('.govuk-error-summary');
      await summary.waitFor(WAIT);
      const listed = await summary.innerText();
      expect(listed).to.contain('title').and.contain('summary').and.contain('link');
      expect(await axeViolations(page), 'the form with its error summary').to.deep.equal([]);

      await page.getByLabel('Title').fill(HOSTILE_TITLE);
      await page.getByLabel('Summary').fill('Cover for the <script>window.__pwned=2</script> winter rota starts Monday.');
      await page.getByLabel('Link (optional)').fill('https://intranet.example.gov.uk/rota');
      await page.getByRole('button', { name: 'Preview' }).click();
      const card = page.locator('#authoring-card .ac-adaptiveCard');
      await card.waitFor(WAIT);
      expect(await page.locator('.govuk-error-summary').count()).to.equal(0);
      expect(await card.innerText())
        .to.contain(HOSTILE_TITLE)
        .and.contain('<script>window.__pwned=2</script>');
      expect(await page.locator('#authoring-card img, #authoring-card b, #authoring-card script').count()).to.equal(0);
      expect(await page.locator('#authoring-fallback').textContent()).to.contain(HOSTILE_TITLE);
      expect(await axeViolations(page), 'the form with its preview').to.deep.equal([]);

      // A test copy, to the author's own chat only.
      const before = connector.calls.length;
      await page.getByLabel('Send the test to').fill(AUTHOR_AAD);
      await page.getByRole('button', { name: 'Send a test to me' }).click();
      await page.locator('#authoring-message', { hasText: 'A test copy is in your personal chat' }).waitFor(WAIT);
      const tests = connector.calls.slice(before);
      expect(tests.map((c) => c.conversationId)).to.deep.equal(['a:29:browser-author']);
      expect(JSON.stringify(tests[0].body)).to.contain('TEST');

      // Scheduled for tomorrow morning, UK time; confirm.
      await page.getByLabel('At a time I choose').check();
      await page.locator('#authoring-date').fill('2026-11-24');
      await page.locator('#authoring-time').fill('09:15');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      const confirm = page.locator('#authoring-confirm');
      await confirm.getByText('Tue 24 Nov 2026, 09:15 (UK time)').waitFor(WAIT);
      expect(await confirm.innerText())
        .to.contain('Health')
        .and.contain('In the audience: 2.');
      await page.getByRole('button', { name: 'Confirm and schedule the briefing' }).click();
      await page.locator('#authoring-done', { hasText: 'scheduled for Tue 24 Nov 2026, 09:15' }).waitFor(WAIT);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'authoring-confirmed.png'), fullPage: true });

      const stored = await bot.services.briefings.findByTitle('winter rota');
      expect(stored?.title).to.equal(HOSTILE_TITLE);
      expect(Date.parse(stored!.publishAt)).to.equal(Date.parse('2026-11-24T09:15:00Z'));
      expect(stored?.audience).to.deep.equal({ sectors: ['health'] });
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).to.equal(undefined);
      expect(problems.csp, 'CSP violations').to.deep.equal([]);
      // The browser logs the deliberate 422 of the first preview as a failed load; nothing else may go wrong.
      expect(
        problems.errors.filter((e) => !/status of 422/.test(e)),
        'page errors',
      ).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('starts a pulse from an approved question set: questions listed, count of identified people, card previewed, confirmed', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    try {
      const { page, problems } = await openPage(context);
      await page.goto(`${bot.url}/dashboard?theme=dark`);
      await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#authoring-form').waitFor(WAIT);
      await page.getByLabel('A pulse survey').check();
      await page.getByLabel('Questions').selectOption('wellbeing-pulse');
      expect(await page.locator('#authoring-questions li').count()).to.be.greaterThan(2);
      expect(await page.locator('#authoring-channels').isHidden(), 'pulses never go to channels').to.equal(true);
      await page.getByLabel('Everyone the bot can reach').check();
      // Pulses reach identified people only: everyone here has an Entra object id, so all six.
      await page.locator('#authoring-count', { hasText: 'In the audience: 6.' }).waitFor(WAIT);
      await page.locator('#authoring-closes-date').fill('2026-11-30');
      await page.locator('#authoring-closes-time').fill('17:00');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.locator('#authoring-card .ac-adaptiveCard').waitFor(WAIT);
      expect(await page.locator('#authoring-card').innerText()).to.contain('anonymous');
      expect(await axeViolations(page), 'the pulse form in the dark theme').to.deep.equal([]);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('button', { name: 'Confirm and send the pulse' }).click();
      await page.locator('#authoring-done', { hasText: 'The pulse is on its way' }).waitFor(WAIT);
      const waves = await bot.services.surveys.waves.list();
      const wave = waves.find((w) => w.templateId === 'wellbeing-pulse');
      expect(wave?.closesAt.toISO()).to.equal('2026-11-30T17:00:00.000+00:00');
      expect(wave?.invited).to.equal(6);
      expect(problems.csp, 'CSP violations').to.deep.equal([]);
      expect(problems.errors, 'page errors').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('picks an Entra group by its name and a chosen team channel, and the live count names what was picked', async () => {
    const GROUP = '88888888-8888-8888-8888-888888888888';
    const ANNOUNCEMENTS = '19:browser-announcements@thread.tacv2';
    await bot.services.directory.people.replaceGroup(GROUP, ['aad-browser-staff-0'], undefined, 'Nursery leads');
    await bot.services.store.rosters.replaceChannels(TEAM, [{ channelId: ANNOUNCEMENTS, name: 'Announcements' }]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    try {
      const { page, problems } = await openPage(context);
      await page.goto(`${bot.url}/dashboard`);
      await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#authoring-form').waitFor(WAIT);
      await page.getByLabel('Nursery leads (1 member)').check();
      await page.locator('#authoring-count', { hasText: 'Audience: members of Nursery leads' }).waitFor(WAIT);
      await page.getByLabel('Nursery leads (1 member)').uncheck();
      // The count can only name the channel if the form sent the team with the chosen channel's id.
      await page.getByLabel('Early years: Announcements channel').check();
      await page.locator('#authoring-count', { hasText: 'Audience: the channel Early years: Announcements' }).waitFor(WAIT);
      expect(await axeViolations(page), 'the picker with groups and channels by name').to.deep.equal([]);
      expect(problems.csp, 'CSP violations').to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
