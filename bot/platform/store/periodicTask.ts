import type { Logger } from 'pino';

/** A task run at start-up and then every interval; `runOnce` lets tests (and callers) run it now. */
export interface PeriodicTask<T> {
  stop(): void;
  runOnce(): Promise<T>;
}

/** A periodic task built but not yet running: `start` runs it now and then every interval. */
export interface StartablePeriodicTask<T> extends PeriodicTask<T> {
  start(): void;
}

/**
 * Builds a task that, once started, runs `work` now and then every `intervalMs`, without keeping the
 * process alive. Runs never overlap: one asked for while another is going joins it. A failure is
 * logged and the next run tries again. `runOnce` works before `start` too.
 */
export function periodicTask<T>(options: { name: string; intervalMs: number; logger: Logger; work: () => Promise<T> }): StartablePeriodicTask<T> {
  let inFlight: Promise<T> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const runOnce = (): Promise<T> => (inFlight ??= options.work().finally(() => (inFlight = undefined)));
  const run = () => runOnce().catch((err: unknown) => options.logger.error({ err }, `${options.name} failed`));
  return {
    start() {
      if (timer) return;
      void run();
      timer = setInterval(run, options.intervalMs);
      timer.unref();
    },
    stop: () => clearInterval(timer),
    runOnce,
  };
}

/** Builds and starts a periodic task at once (see `periodicTask`). */
export function startPeriodicTask<T>(options: { name: string; intervalMs: number; logger: Logger; work: () => Promise<T> }): PeriodicTask<T> {
  const task = periodicTask(options);
  task.start();
  return task;
}
