import { json, type Reply } from './http';

/** Requests a token may make per window, as the brief for this server fixes it. */
export const RATE_LIMIT = 300;
/** Rack::Attack's period: five minutes, windows aligned to the epoch. */
export const RATE_PERIOD_SECONDS = 300;

/** Time#iso8601(6), as Mastodon writes X-RateLimit-Reset. */
export function isoMicro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

interface Window {
  start: number;
  count: number;
}

/** Per-token counting in fixed windows, like Rack::Attack's throttle. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  /** Counts one request for `key`; returns the headers to send and whether it is over. */
  hit(key: string, now = Date.now()): { headers: Record<string, string>; limited: boolean } {
    const periodMs = RATE_PERIOD_SECONDS * 1000;
    const start = Math.floor(now / periodMs) * periodMs;
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const limited = window.count > RATE_LIMIT;
    return {
      limited,
      headers: {
        'x-ratelimit-limit': String(RATE_LIMIT),
        'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - window.count)),
        'x-ratelimit-reset': isoMicro(start + periodMs),
      },
    };
  }
}

/** Rack::Attack's throttled response in Mastodon. */
export function throttledReply(headers: Record<string, string>): Reply {
  return json(429, { error: 'Too many requests' }, headers);
}
