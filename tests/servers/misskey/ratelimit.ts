import type { LimitRule } from './types';

// Misskey limits each endpoint per user (or per IP hash without a token) with the `ratelimiter`
// package on Redis: a window of `duration` ms allowing `max` calls, plus, where declared, at most
// one call per `minInterval`. A refused call's `info` is what ratelimiter reports:
// { remaining, reset (epoch seconds), resetMs (epoch ms), total }.

/** The limits the endpoints this server knows declare in their `meta.limit`. */
export const DEFAULT_LIMITS: Record<string, LimitRule> = {
  'notes/create': { duration: 60 * 60_000, max: 300 },
  'notes/delete': { duration: 60 * 60_000, max: 300, minInterval: 1000 },
  'drive/files/create': { duration: 60 * 60_000, max: 120 },
};

/** What a refused call reports. */
export interface LimitInfo {
  remaining: number;
  reset: number;
  resetMs: number;
  total: number;
}

interface Window {
  start: number;
  count: number;
  lastAt: number;
}

/** Counts calls per actor and endpoint. */
export class RateLimiter {
  private windows = new Map<string, Window>();
  private overrides = new Map<string, LimitRule>();

  /** Replaces one endpoint's rule until reset. */
  set(endpoint: string, rule: LimitRule): void {
    if (!(rule.max >= 1) || !(rule.duration > 0)) {
      throw new Error('rate limit: max must be >= 1 and duration > 0');
    }
    this.overrides.set(endpoint, rule);
  }

  reset(): void {
    this.windows.clear();
    this.overrides.clear();
  }

  /** Counts a call; returns the refusal info when the call is over a limit. */
  hit(endpoint: string, actor: string, now = Date.now()): LimitInfo | undefined {
    const rule = this.overrides.get(endpoint) ?? DEFAULT_LIMITS[endpoint];
    if (!rule) return undefined;
    const key = `${actor}:${endpoint}`;
    let window = this.windows.get(key);
    if (!window || now - window.start >= rule.duration) {
      window = { start: now, count: 0, lastAt: Number.NEGATIVE_INFINITY };
      this.windows.set(key, window);
    }
    if (rule.minInterval !== undefined && now - window.lastAt < rule.minInterval) {
      return info(0, window.lastAt + rule.minInterval, 1);
    }
    if (window.count >= rule.max) {
      return info(0, window.start + rule.duration, rule.max);
    }
    window.count += 1;
    window.lastAt = now;
    return undefined;
  }
}

function info(remaining: number, resetMs: number, total: number): LimitInfo {
  return { remaining, reset: Math.ceil(resetMs / 1000), resetMs, total };
}
