import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Rounds for printing. */
export const round = (n: number, places = 2): number => Math.round(n * 10 ** places) / 10 ** places;

/** Milliseconds since a process.hrtime.bigint() reading. */
export const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** Resident memory of a process in MB, read from /proc. */
export function rssMb(pid: number = process.pid): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** Starts the bot as its own process and resolves once /healthz answers, with the time that took. */
export async function startBotProcess(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; readyMs: number }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    // A bot that never comes up is stopped, so a failed start leaves nothing running.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`bot did not start:\n${out}`));
    }, 120000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /"port":(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`bot exited with ${code}:\n${out}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    const ok = await fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  return { child, url, readyMs: msSince(started) };
}

/** Stops a child process and waits for it to exit. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Prints the figures as the final JSON line, as every benchmark here does. */
export function report(figures: Record<string, unknown>): void {
  console.log(JSON.stringify(figures));
}
