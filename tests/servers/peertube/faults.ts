import { problem, ProblemError } from './problem';
import type {
  CutRule,
  DelayRule,
  DropAnswerRule,
  FailRule,
  TranscodingOutcome,
  TranscodingRule,
} from './types';

type Counted<T> = T & { remaining: number };

function matches(rule: { path: string; method?: string }, method: string, path: string): boolean {
  return path.startsWith(rule.path) && (!rule.method || rule.method.toUpperCase() === method);
}

function take<T extends { path: string; method?: string; remaining: number }>(
  rules: T[],
  method: string,
  path: string,
): T | undefined {
  const rule = rules.find((item) => item.remaining > 0 && matches(item, method, path));
  if (rule) rule.remaining -= 1;
  return rule;
}

/** Failures, cut connections, lost answers and slowness, injected by tests. */
export class Faults {
  private fails: Array<Counted<FailRule>> = [];
  private cuts: Array<Counted<CutRule>> = [];
  private drops: Array<Counted<DropAnswerRule>> = [];
  private delays: Array<Counted<DelayRule>> = [];
  private transcodings: Array<Counted<TranscodingRule>> = [];

  fail(rule: FailRule): void {
    this.fails.push({ ...rule, remaining: rule.times ?? 1 });
  }

  cutUpload(rule: CutRule): void {
    if (!Number.isInteger(rule.afterBytes) || rule.afterBytes < 0) {
      throw new Error('cutUpload: afterBytes must be a whole number');
    }
    this.cuts.push({ ...rule, remaining: rule.times ?? 1 });
  }

  dropAnswer(rule: DropAnswerRule): void {
    this.drops.push({ ...rule, remaining: rule.times ?? 1 });
  }

  delay(rule: DelayRule): void {
    this.delays.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  transcoding(rule: TranscodingRule): void {
    this.transcodings.push({ ...rule, remaining: rule.times ?? 1 });
  }

  reset(): void {
    this.transcodings = [];
    this.fails = [];
    this.cuts = [];
    this.drops = [];
    this.delays = [];
  }

  /** The forced answer for this request, if one is due. */
  takeFailure(method: string, path: string): Response | undefined {
    const waiting = this.fails.find(
      (item) => item.remaining > 0 && (item.after ?? 0) > 0 && matches(item, method, path),
    );
    if (waiting) {
      waiting.after = (waiting.after ?? 0) - 1;
      return undefined;
    }
    const rule = take(this.fails, method, path);
    if (!rule) return undefined;
    const headers: Record<string, string> =
      rule.retryAfter === undefined ? {} : { 'retry-after': String(rule.retryAfter) };
    if (rule.status === 429) {
      // express-rate-limit's answer in front of PeerTube's API.
      return new Response('Too many requests, please try again later.', {
        status: 429,
        headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
      });
    }
    if (rule.status === 502) {
      // nginx in front of PeerTube, not PeerTube.
      return new Response('<html><body><h1>502 Bad Gateway</h1></body></html>', {
        status: 502,
        headers: { 'content-type': 'text/html' },
      });
    }
    const message = rule.status === 503 ? 'Service Unavailable' : 'Internal Server Error';
    return problem(new ProblemError(rule.status, message, undefined, headers));
  }

  /** How many body bytes of this upload PUT to take before cutting the connection. */
  takeCut(): number | undefined {
    const rule = this.cuts.find((item) => item.remaining > 0);
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.afterBytes;
  }

  takeDrop(method: string, path: string): boolean {
    return take(this.drops, method, path) !== undefined;
  }

  /** How the transcoding of a video made now ends. */
  takeTranscoding(): TranscodingOutcome {
    const rule = this.transcodings.find((item) => item.remaining > 0);
    if (!rule) return 'published';
    rule.remaining -= 1;
    return rule.outcome;
  }

  takeDelay(method: string, path: string): number {
    return take(this.delays, method, path)?.ms ?? 0;
  }
}
