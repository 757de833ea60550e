import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { Browser } from 'playwright-core';
import { projectRoot } from '../../../knowledge/projectRoot';
import { launchChromium, requireChromium } from '../../helpers/chromium';
import { freePort } from '../../helpers/freePort';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'test-output', 'webchat');

/** `npm start` on a fixed port and data folder, in its own process group so stopping it stops the bot too. */
function npmStart(port: number, dataDir: string): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  for (const name of Object.keys(env)) if (/^(DATABASE_|REDIS_URL|Microsoft|DIRECT_LINE|WEBCHAT_|PULSE_|TS_NODE)/.test(name)) delete env[name];
  return spawn('npm', ['start'], { cwd: projectRoot(), detached: true, stdio: 'ignore', env });
}

async function healthy(port: number, bot: ChildProcess): Promise<void> {
  const deadline = Date.now() + 240000;
  for (;;) {
    if (bot.exitCode !== null) throw new Error(`npm start exited with ${bot.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline) throw new Error('/healthz never answered');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Waits until nothing answers on the port: npm can exit before the bot it started has closed. */
async function gone(port: number): Promise<void> {
  const deadline = Date.now() + 30000;
  while (
    await fetch(`http://127.0.0.1:${port}/healthz`).then(
      () => true,
      () => false,
    )
  ) {
    if (Date.now() > deadline) throw new Error('the bot still answers after npm start was stopped');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stop(bot: ChildProcess | undefined): Promise<void> {
  if (!bot?.pid || bot.exitCode !== null || bot.signalCode !== null) return;
  const exited = new Promise((resolve) => bot.once('exit', resolve));
  process.kill(-bot.pid, 'SIGTERM');
  await exited;
}

describe('web chat while the bot restarts (Chromium, a real restart)', function () {
  this.timeout(300000);
  let browser: Browser;
  let bot: ChildProcess | undefined;
  let port = 0;
  let dataDir = '';

  before(async function () {
    requireChromium(this, SCREENSHOTS);
    port = await freePort();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webchat-restart-'));
    bot = npmStart(port, dataDir);
    await healthy(port, bot);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await stop(bot);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('says "Reconnecting…" instead of "Send failed", and sends the message once the bot is back', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.getByText(/^Welcome to Children.s Workforce Assistant$/).waitFor({ timeout: 30000 });
    const sendBox = page.getByRole('textbox', { name: 'Message input box' });

    await stop(bot);
    await gone(port);
    await sendBox.fill('what is a caf');
    await sendBox.press('Enter');
    const notice = page.locator('#webchat-notice');
    await notice
      .getByText(/^Reconnecting…/)
      .waitFor({ timeout: 30000 })
      .catch(async (err: Error) => {
        // What the page showed instead says whether the message was never sent, answered, or left without a notice.
        await page.screenshot({ path: path.join(SCREENSHOTS, '10-no-reconnecting-notice.png') });
        throw new Error(`${err.message}\nthe page read:\n${(await page.locator('body').innerText()).slice(0, 2000)}`);
      });
    expect(await notice.getAttribute('role')).to.equal('status');
    await page.screenshot({ path: path.join(SCREENSHOTS, '10-reconnecting.png') });
    expect(await page.getByText(/Send failed/).count(), 'while the bot is away').to.equal(0);

    bot = npmStart(port, dataDir);
    await healthy(port, bot);
    await page
      .locator('.webchat__render-markdown--adaptive-cards')
      .filter({ hasText: /^Common Assessment Framework \(CAF\)$/ })
      .first()
      .waitFor({ timeout: 90000 });
    expect(await notice.isHidden(), 'the notice goes once the message is through').to.equal(true);
    expect(await page.getByText(/Send failed/).count(), 'after the restart').to.equal(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, '11-reconnected.png') });
    await page.close();
  });
});
