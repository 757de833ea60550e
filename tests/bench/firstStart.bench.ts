import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../knowledge/projectRoot';
import { round } from './benchUtil';
import { freePort } from '../helpers/freePort';

/**
 * `npm run bench:first-start`: what a newcomer sees after `npm ci && npm start`. Copies the
 * project's files (as a clone would have them, so no dist/, data/ or search index) to a temporary
 * folder, links this checkout's node_modules in place of the download, runs the install-time build
 * (`npm run prepare`, which `npm ci` runs), then times `npm start` until GET /healthz answers.
 */
const HEALTHZ_TIMEOUT_MS = 120000;

function copyCheckout(from: string, to: string): void {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: from, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    const source = path.join(from, file);
    if (!fs.existsSync(source)) continue; // deleted in the working tree but not yet committed
    fs.mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    fs.copyFileSync(source, path.join(to, file));
  }
  fs.symlinkSync(path.join(from, 'node_modules'), path.join(to, 'node_modules'), 'dir');
}

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

/** Runs `npm start` in the folder and resolves with the seconds until /healthz answers 200. */
async function timeStart(dir: string): Promise<{ seconds: number; child: ChildProcess }> {
  const port = await freePort();
  const started = process.hrtime.bigint();
  // Its own process group, so stopping it stops npm, the shell and the bot together.
  const child = spawn('npm', ['start', '--silent'], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  });
  const deadline = Date.now() + HEALTHZ_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    if (await healthy(`http://127.0.0.1:${port}/healthz`)) return { seconds: Number(process.hrtime.bigint() - started) / 1e9, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop(child);
  throw new Error('/healthz did not answer within two minutes');
}

function stop(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
}

async function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise((resolve) => child.once('exit', resolve));
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'first-start-'));
  try {
    copyCheckout(projectRoot(), dir);
    const buildStarted = process.hrtime.bigint();
    execFileSync('npm', ['run', 'prepare', '--silent'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const installBuildSeconds = Number(process.hrtime.bigint() - buildStarted) / 1e9;

    const first = await timeStart(dir);
    stop(first.child);
    await waitForExit(first.child);
    const second = await timeStart(dir);
    stop(second.child);
    await waitForExit(second.child);

    console.log(`install-time build (npm ci runs it): ${round(installBuildSeconds, 1)} s`);
    console.log(`npm start to /healthz on a fresh clone: ${round(first.seconds, 1)} s; next start: ${round(second.seconds, 1)} s`);
    console.log(
      JSON.stringify({
        installBuildSeconds: round(installBuildSeconds, 1),
        firstStartSeconds: round(first.seconds, 2),
        secondStartSeconds: round(second.seconds, 2),
        cpus: os.cpus().length,
        loadAverage1m: round(os.loadavg()[0], 2),
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
