import { describe, expect, it } from 'vitest';
import type { SerializedError } from '@/utils/errors';
import { DEFAULT_RETRY_POLICY, nextAttemptAt } from '@/utils/publish/backoff';

const now = 1_000_000;
const server: SerializedError = { kind: 'server', message: 'x', retryable: true, status: 503 };

describe('nextAttemptAt', () => {
  it('doubles the delay each attempt, with jitter between half and all of it', () => {
    const low = [1, 2, 3, 4].map((n) => nextAttemptAt(server, n, now, undefined, () => 0)! - now);
    const high = [1, 2, 3, 4].map((n) => nextAttemptAt(server, n, now, undefined, () => 1)! - now);
    expect(low).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(high).toEqual([2_000, 4_000, 8_000, 16_000]);
  });

  it('never waits longer than the cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 20 };
    expect(nextAttemptAt(server, 15, now, policy, () => 1)! - now).toBe(policy.maxMs);
  });

  it('stops after the last attempt and for errors that retrying cannot fix', () => {
    expect(nextAttemptAt(server, DEFAULT_RETRY_POLICY.maxAttempts, now)).toBeUndefined();
    for (const kind of ['validation', 'auth', 'unsupported'] as const) {
      expect(nextAttemptAt({ kind, message: 'x', retryable: false }, 1, now)).toBeUndefined();
    }
  });

  it('waits for the server’s reset time instead of guessing', () => {
    const limited: SerializedError = {
      kind: 'rate-limit',
      message: 'x',
      retryable: true,
      status: 429,
      retryAt: now + 42_000,
    };
    expect(nextAttemptAt(limited, 1, now, undefined, () => 0)).toBe(now + 42_250);
    // A reset already past is retried at once, not in the past.
    expect(nextAttemptAt({ ...limited, retryAt: now - 5_000 }, 1, now)).toBe(now + 250);
    // A reset hours away is left to the user.
    expect(nextAttemptAt({ ...limited, retryAt: now + 3 * 3600_000 }, 1, now)).toBeUndefined();
  });
});
