import type { Logger } from 'pino';

/** A task run at start-up and then every interval; `runOnce` lets tests (and callers) run it now. */
export interface PeriodicTask<T> {
  stop(): void;
  runOnce(): Promise<T>;
}

/**
 * Starts `work` now and then every `intervalMs`, without keeping the process alive. Runs never
 * overlap: one asked for while another is going joins it. A failure is logged and the next run
 * tries again.
 */
export function startPeriodicTask<T>(options: { name: string; intervalMs: number; logger: Logger; work: () => Promise<T> }): PeriodicTask<T> {
  let inFlight: Promise<T> | undefined;
  const runOnce = (): Promise<T> => (inFlight ??= options.work().finally(() => (inFlight = undefined)));
  const run = () => runOnce().catch((err: unknown) => options.logger.error({ err }, `${options.name} failed`));
  void run();
  const timer = setInterval(run, options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), runOnce };
}
