import path from 'node:path';
import { expect } from 'chai';
import { Browser, Page } from 'playwright-core';
import { launchChromium, requireChromium } from '../../helpers/chromium';
import { botWithConnector } from '../../helpers/runningBot';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'test-output', 'dashboard');
const TOKEN = 'dashboard-empty-states-admin-token';
const WAIT = { timeout: 15000 };

describe('dashboard empty states and zero counts (Chromium)', function () {
  this.timeout(90000);
  const suite = botWithConnector({ ADMIN_API_TOKEN: TOKEN });
  let browser: Browser;

  before(async function () {
    requireChromium(this, SCREENSHOTS);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  async function signedIn(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${suite.bot.url}/dashboard`);
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Briefings' }).waitFor(WAIT);
    return page;
  }

  it('tells someone signed in with the admin token what they can do, not to chat with the bot they are not signed in to', async () => {
    const page = await signedIn();
    const briefings = page.locator('#briefings-body .app-empty-hint');
    const pulses = page.locator('#pulses-list .app-empty-hint');
    await briefings.waitFor(WAIT);
    await pulses.waitFor(WAIT);
    expect(await briefings.innerText())
      .to.include('POST /api/briefings')
      .and.include('communications team');
    expect(await pulses.innerText())
      .to.include('POST /api/surveys')
      .and.include('communications team');
    expect(await briefings.innerText()).not.to.match(/in a chat with the bot\.$/);
    await page.close();
  });

  it('shows 0, not an empty cell, where nothing was stopped', async () => {
    const installed = await fetch(`${suite.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'conversationUpdate',
        channelId: 'msteams',
        serviceUrl: suite.serviceUrl,
        from: { id: '29:empty-states', aadObjectId: '00000000-0000-0000-0000-0000000000e5' },
        recipient: { id: '28:bot' },
        conversation: { id: 'a:empty-states', conversationType: 'personal', tenantId: 'tenant-1' },
        membersAdded: [{ id: '28:bot' }],
      }),
    });
    expect(installed.status).to.be.oneOf([200, 201, 202]);
    const created = await fetch(`${suite.bot.url}/api/briefings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'idempotency-key': 'empty-states-1' },
      body: JSON.stringify({
        title: 'Zero counts',
        summary: 'Nothing stopped.',
        body: 'Body.',
        topics: ['training'],
        audience: { everyone: true },
        urgent: true,
      }),
    });
    expect(created.status, await created.clone().text()).to.equal(201);

    const page = await signedIn();
    const row = page.getByRole('row', { name: /Zero counts/ });
    await row.waitFor(WAIT);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells, 'every count cell holds a number').to.have.length(7);
    for (const cell of cells) expect(cell.trim(), `cell "${cell}"`).to.match(/^\d+$/);
    expect(cells[cells.length - 1].trim(), 'Stopped').to.equal('0');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'zero-counts.png'), fullPage: true });
    await page.close();
  });
});
