import { SendOutcome } from './connectorSender';

/** What to do after a refused send. */
export type Verdict =
  | { action: 'retry'; delayMs: number; reason: string }
  | { action: 'throttled'; delayMs: number; reason: string }
  | { action: 'unreachable'; reason: string }
  | { action: 'fail'; reason: string };

export interface RetrySettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Statuses worth another try after a pause: precondition races, gateway and server trouble, the network. */
const RETRYABLE = new Set([0, 408, 412, 500, 502, 503, 504]);
/** The user blocked or removed the bot, or the conversation is gone. */
const UNREACHABLE = new Set([403, 404]);
/** Throttling retries are not counted against the limit as harshly: Teams asked us to wait, not to stop. */
const THROTTLE_ALLOWANCE = 10;

/** Exponential backoff with full jitter: a random wait up to base × 2^attempt, capped. */
export function backoffMs(attempt: number, settings: RetrySettings, random: () => number): number {
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, attempt));
  return Math.round(random() * ceiling);
}

/**
 * Decides how to handle a refused send (`attempts` = tries so far, this one included): 429 waits
 * for Retry-After; 412/5xx/network back off; 403/404 mean the person cannot be reached.
 */
export function judgeFailure(outcome: Extract<SendOutcome, { ok: false }>, attempts: number, settings: RetrySettings, random: () => number): Verdict {
  if (outcome.status === 429) {
    if (attempts >= settings.maxAttempts + THROTTLE_ALLOWANCE) return { action: 'fail', reason: `still throttled after ${attempts} attempts` };
    return { action: 'throttled', delayMs: outcome.retryAfterMs ?? backoffMs(attempts, settings, random), reason: outcome.error };
  }
  if (UNREACHABLE.has(outcome.status)) return { action: 'unreachable', reason: outcome.error };
  if (RETRYABLE.has(outcome.status)) {
    if (attempts >= settings.maxAttempts) return { action: 'fail', reason: `gave up after ${attempts} attempts: ${outcome.error}` };
    return { action: 'retry', delayMs: backoffMs(attempts, settings, random), reason: outcome.error };
  }
  return { action: 'fail', reason: outcome.error };
}
