import { ApiError, COMMON_ERRORS, apiErrorResponse, jsonResponse } from './errors';
import type { DelayRule, DropRule, FailRule } from './types';

interface Counted {
  remaining: number;
}

/** Injected failures, slowness and lost answers; control endpoints and preflights never see them. */
export class Faults {
  private fails: Array<FailRule & Counted> = [];
  private delays: Array<DelayRule & Counted> = [];
  private drops: Array<DropRule & Counted> = [];

  fail(rule: FailRule): void {
    if (![429, 500, 502, 503].includes(rule.status)) {
      throw new Error(`fail: status must be 429, 500, 502 or 503, not ${String(rule.status)}`);
    }
    this.fails.push({ ...rule, remaining: positive(rule.times, 'fail') });
  }

  delay(rule: DelayRule): void {
    if (!Number.isFinite(rule.ms) || rule.ms < 0) throw new Error('delay: ms must be >= 0');
    this.delays.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  dropAnswer(rule: DropRule): void {
    if (!rule.path?.startsWith('/')) throw new Error('dropAnswer: path must start with /');
    this.drops.push({ ...rule, remaining: positive(rule.times, 'dropAnswer') });
  }

  reset(): void {
    this.fails = [];
    this.delays = [];
    this.drops = [];
  }

  takeDelay(path: string): number {
    const rule = take(this.delays, path);
    return rule ? rule.ms : 0;
  }

  /** The failure to answer with, if one is due for this request. */
  takeFailure(path: string, now = Date.now()): Response | undefined {
    const rule = take(this.fails, path);
    if (!rule) return undefined;
    if (rule.status === 429) {
      const resetMs = now + 60_000;
      return apiErrorResponse(
        new ApiError(COMMON_ERRORS.rateLimitExceeded, {
          remaining: 0,
          reset: Math.ceil(resetMs / 1000),
          resetMs,
          total: 300,
        }),
        now,
      );
    }
    if (rule.status === 500) return apiErrorResponse(new ApiError(COMMON_ERRORS.internal), now);
    // A 502/503 comes from the reverse proxy in front of Misskey, not from Misskey.
    return new Response(`<html><body><h1>${rule.status}</h1></body></html>`, {
      status: rule.status,
      headers: { 'content-type': 'text/html' },
    });
  }

  /** Whether the answer to this request must be lost after the work is done. */
  takeDrop(path: string): boolean {
    return take(this.drops, path) !== undefined;
  }
}

function positive(times: number | undefined, name: string): number {
  const value = times ?? 1;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: times must be >= 1`);
  return value;
}

function take<T extends { path?: string } & Counted>(rules: T[], path: string): T | undefined {
  const rule = rules.find(
    (candidate) =>
      candidate.remaining > 0 &&
      (candidate.path === undefined ? path.startsWith('/api/') : candidate.path === path),
  );
  if (rule) rule.remaining -= 1;
  return rule;
}

/** A plain JSON 400 for control requests that make no sense. */
export function controlError(message: string): Response {
  return jsonResponse(400, { error: message });
}
