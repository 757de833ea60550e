import { DateTime } from 'luxon';

/** The wait after a first refused install: long enough for an admin to grant consent, short enough to notice it the same day. */
export const FIRST_INSTALL_RETRY_MS = 60 * 60 * 1000;
/** The longest wait between tries, so consent granted on any day is noticed by the next. */
export const LONGEST_INSTALL_RETRY_MS = 24 * 60 * 60 * 1000;

/** How the backoff is described wherever a refused install is reported. */
export const INSTALL_RETRY_WORDS = 'tried again at the next send after a wait (an hour, doubling with each refusal to a day), or at the next directory sync';

/**
 * When an install Graph refused `failures` times in a row, the last at `refusedAt`, may be tried
 * again: an hour after the first refusal, doubling with each one, never more than a day.
 */
export function installRetryAt(refusedAt: string, failures: number): DateTime {
  const wait = Math.min(LONGEST_INSTALL_RETRY_MS, FIRST_INSTALL_RETRY_MS * 2 ** Math.max(0, failures - 1));
  return DateTime.fromISO(refusedAt).plus({ milliseconds: wait });
}
