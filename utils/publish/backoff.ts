import type { SerializedError } from '../errors';

/** How automatic retries are spaced and when they stop. */
export interface RetryPolicy {
  /** Delay before the second attempt; each further attempt doubles it. */
  baseMs: number;
  maxMs: number;
  /** Attempts in all, the first included, before the target is shown as failed. */
  maxAttempts: number;
}

/** Five attempts over about a minute: enough for a blip or a restart, short enough to tell the user. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { baseMs: 2_000, maxMs: 60_000, maxAttempts: 5 };

/** A server's own "try again at" is honoured only this far ahead; past it the user decides. */
const MAX_SERVER_WAIT_MS = 15 * 60_000;

/**
 * When to try again after `attempts` failed attempts, or undefined to stop and show the error.
 * Equal jitter (half the exponential cap plus a random half) spreads retries from many targets, so
 * they do not hit a recovering server all at once; a server's Retry-After or reset time wins.
 */
export function nextAttemptAt(
  error: SerializedError,
  attempts: number,
  now: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  random: () => number = Math.random,
): number | undefined {
  if (!error.retryable || attempts >= policy.maxAttempts) return undefined;
  const cap = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(cap / 2 + (random() * cap) / 2);
  if (error.retryAt !== undefined) {
    if (error.retryAt - now > MAX_SERVER_WAIT_MS) return undefined;
    // A little past the reset, so the first request after it is not refused again.
    return Math.max(error.retryAt + 250, now + 250);
  }
  return now + jittered;
}
