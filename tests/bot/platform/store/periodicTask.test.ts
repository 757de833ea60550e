import { expect } from 'chai';
import pino from 'pino';
import { Writable } from 'node:stream';
import { startPeriodicTask } from '../../../../bot/platform/store/periodicTask';

/** A logger that keeps its lines, to see what a failed run reports. */
function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  return { logger: pino({ level: 'info' }, sink), lines };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('startPeriodicTask', () => {
  it('runs at once, and a run asked for while one is going joins it', async () => {
    let runs = 0;
    let finish: () => void = () => undefined;
    const { logger } = recordingLogger();
    const task = startPeriodicTask({ name: 'test task', intervalMs: 60_000, logger, work: () => (runs++, new Promise<void>((resolve) => (finish = resolve))) });
    expect(runs, 'started at once').to.equal(1);
    const joined = task.runOnce();
    expect(runs, 'joined the run in flight').to.equal(1);
    finish();
    await joined;
    const later = task.runOnce();
    expect(runs, 'a later run starts afresh').to.equal(2);
    finish();
    await later;
    task.stop();
  });

  it('logs a failed run by name and runs again next time', async () => {
    let fail = true;
    const { logger, lines } = recordingLogger();
    const task = startPeriodicTask({
      name: 'test task',
      intervalMs: 60_000,
      logger,
      work: async () => {
        if (fail) throw new Error('database away');
        return 7;
      },
    });
    await tick();
    task.stop();
    expect(lines.map((l) => l.msg)).to.deep.equal(['test task failed']);
    fail = false;
    expect(await task.runOnce()).to.equal(7);
  });
});
