import path from 'node:path';
import { expect } from 'chai';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, requireChromium } from '../../helpers/chromium';
import { axeViolations, openPage } from '../../helpers/pageProbes';
import { RunningBot, startBot } from '../../helpers/runningBot';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'test-output', 'webchat');
const WAIT = { timeout: 15000 };

/** The newest card with the settings form's first step (earlier ones stay in the transcript). */
const latestForm = (page: Page): Locator => page.locator('.ac-adaptiveCard', { has: page.getByLabel(/^Team/) }).last();

/** Heights of every single-line box (list boxes, text and date boxes) in a card. */
function boxHeights(card: Locator): Promise<{ label: string; height: number }[]> {
  return card.locator('select.ac-input, input.ac-input').evaluateAll((boxes) =>
    boxes.map((b) => ({
      label: (b as HTMLInputElement).labels?.[0]?.textContent ?? b.getAttribute('aria-label') ?? '',
      height: b.getBoundingClientRect().height,
    })),
  );
}

describe('settings form in web chat (Chromium)', function () {
  this.timeout(90000);
  let browser: Browser;
  let bot: RunningBot;
  let context: BrowserContext;

  before(async function () {
    requireChromium(this, SCREENSHOTS);
    bot = await startBot();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });
  afterEach(async () => {
    await context?.close();
  });

  it('draws the optional boxes as tall as the others, prefills Role with its label after saving, and axe finds nothing', async () => {
    const { page, problems } = await openPage(context);
    await page.goto(`${bot.url}/`);
    const sendBox = page.getByRole('textbox', { name: 'Message input box' });
    await sendBox.waitFor(WAIT);
    await sendBox.fill('my settings');
    await sendBox.press('Enter');
    const form = latestForm(page);
    await form.waitFor(WAIT);

    const heights = await boxHeights(form);
    expect(heights.map((h) => h.label)).to.include.members(['Locality or area (optional)', 'Team (optional)', 'When did you start in this role? (optional)']);
    const tallest = Math.max(...heights.map((h) => h.height));
    for (const box of heights) expect(box.height, `${box.label} is as tall as the other boxes`).to.be.closeTo(tallest, 1);
    expect(tallest, 'a box big enough to press (GOV.UK inputs are 40px)').to.be.at.least(38);

    await form.getByLabel(/^Sector/).selectOption({ label: 'Education' });
    await form.getByLabel(/^Role/).selectOption({ label: 'Teaching assistant' });
    await form.getByLabel('Team (optional)').fill('North hub');
    await form.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Save settings' }).last().click();
    await page.getByText('Settings saved').last().waitFor(WAIT);

    await sendBox.fill('my settings');
    await sendBox.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.ac-adaptiveCard select').length >= 6, undefined, WAIT);
    const again = latestForm(page);
    const role = again.getByRole('combobox', { name: /^Role/ });
    await role.waitFor(WAIT);
    expect(await role.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent), 'the saved role shows its label').to.equal(
      'Teaching assistant',
    );
    expect(await again.getByLabel('Team (optional)').inputValue()).to.equal('North hub');
    await page.screenshot({ path: path.join(SCREENSHOTS, '9-settings-form.png'), fullPage: true });

    expect(await axeViolations(page)).to.deep.equal([]);
    expect(problems.csp, 'CSP violations').to.deep.equal([]);
  });
});
