import fs from 'node:fs';
import { Browser, chromium } from 'playwright-core';

/** Debian's Chromium, which `.ci/run` installs with apt when it is missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Whether browser tests can run: they need Chromium; without it they are skipped locally with a
 * reason, but CI (CI=true) must have it, so there the missing browser is an error.
 */
export function chromiumAvailability(): { available: true } | { available: false; reason: string } {
  if (fs.existsSync(CHROMIUM_PATH)) return { available: true };
  if (process.env.CI === 'true') throw new Error(`CI=true but ${CHROMIUM_PATH} is missing: install it with apt-get install -y chromium`);
  return { available: false, reason: `${CHROMIUM_PATH} is missing (apt-get install -y chromium), so the browser tests are skipped` };
}

/** Starts headless Chromium with a fresh profile (Playwright makes a new temporary one each launch), talking only to loopback. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Skips the calling suite (with its reason) when Chromium is missing, else makes its screenshot folder;
 * called in `before` rather than while loading, so a missing browser under CI fails that suite, not the whole run.
 */
export function requireChromium(suite: Mocha.Context, screenshots: string): void {
  const availability = chromiumAvailability();
  if (!availability.available) {
    console.log(`      skipped: ${availability.reason}`);
    suite.skip();
  }
  fs.mkdirSync(screenshots, { recursive: true });
}
