import { html, json, type Reply } from './http';
import { isoMicro } from './ratelimit';
import type { AnswerRule, DelayRule, FailRule, Quirks } from './types';

interface ActiveFail extends FailRule {
  remaining: number;
}

interface ActiveDelay extends DelayRule {
  remaining: number;
}

interface ActiveAnswer extends AnswerRule {
  remaining: number;
}

const TEMPORARY_PROBLEM = 'There was a temporary problem serving your request, please try again';

const FAILURE_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>We're sorry, but something went wrong (500)</title></head>
<body><main><h1>We're sorry, but something went wrong on our end.</h1></main></body>
</html>
`;

/** Injected failures and slowness; control endpoints and preflights are never affected. */
export class Faults {
  private fails: ActiveFail[] = [];
  private delays: ActiveDelay[] = [];
  private answers: ActiveAnswer[] = [];
  /** Departures from Mastodon's behaviour, read by the routes they change. */
  quirks: Quirks = {};

  /** Queues `times` failures for matching requests. */
  fail(rule: FailRule): void {
    if (![500, 502, 503, 429].includes(rule.status)) {
      throw new Error(`fail: status must be 500, 502, 503 or 429, not ${String(rule.status)}`);
    }
    if (!Number.isInteger(rule.times) || rule.times < 1) {
      throw new Error('fail: times must be a positive integer');
    }
    this.fails.push({ ...rule, remaining: rule.times });
  }

  /** Slows matching requests by `ms`, `times` times or until reset. */
  delay(rule: DelayRule): void {
    if (!Number.isFinite(rule.ms) || rule.ms < 0) throw new Error('delay: ms must be >= 0');
    this.delays.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  /** Answers matching requests with the given status and body instead of handling them. */
  answer(rule: AnswerRule): void {
    if (!Number.isInteger(rule.status) || rule.status < 200 || rule.status > 599) {
      throw new Error('answer: status must be an HTTP status from 200 to 599');
    }
    this.answers.push({ ...rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  /** Forgets every fault, delay, answer and quirk. */
  reset(): void {
    this.fails = [];
    this.delays = [];
    this.answers = [];
    this.quirks = {};
  }

  /** How long to hold this request, using up one of a delay's turns. */
  takeDelay(path: string): number {
    const rule = this.delays.find(
      (candidate) => candidate.remaining > 0 && matches(candidate.path, path),
    );
    if (!rule) return 0;
    rule.remaining -= 1;
    return rule.ms;
  }

  /** The failure to answer with instead of handling this request, if one is due. */
  takeFailure(method: string, path: string, asJson: boolean): Reply | undefined {
    return this.take(method, path, asJson, false);
  }

  /** The failure that replaces the answer of a request already handled, if one is due. */
  takeLostAnswer(method: string, path: string, asJson: boolean): Reply | undefined {
    return this.take(method, path, asJson, true);
  }

  private take(
    method: string,
    path: string,
    asJson: boolean,
    afterHandling: boolean,
  ): Reply | undefined {
    // A made-up answer stands in for handling the request, so it is never one that comes after.
    const answer = afterHandling
      ? undefined
      : this.answers.find(
          (candidate) =>
            candidate.remaining > 0 &&
            matches(candidate.path, path) &&
            (!candidate.method || candidate.method.toUpperCase() === method),
        );
    if (answer) {
      answer.remaining -= 1;
      return {
        status: answer.status,
        headers: { 'content-type': answer.contentType },
        body: answer.body,
      };
    }
    const rule = this.fails.find(
      (candidate) =>
        candidate.remaining > 0 &&
        (candidate.afterHandling ?? false) === afterHandling &&
        matches(candidate.path, path) &&
        (!candidate.method || candidate.method.toUpperCase() === method),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    return failureReply(rule, asJson);
  }
}

/** The answer a failure rule gives: Mastodon's bodies and headers for each status. */
function failureReply(failure: ActiveFail, asJson: boolean): Reply {
  if (failure.status === 429) {
    const seconds = failure.retryAfterSeconds ?? 300;
    return json(
      429,
      { error: 'Too many requests' },
      {
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': isoMicro(Date.now() + seconds * 1000),
        'retry-after': String(seconds),
      },
    );
  }
  const headers: Record<string, string> =
    failure.retryAfterSeconds !== undefined
      ? { 'retry-after': String(failure.retryAfterSeconds) }
      : {};
  if (!asJson) return html(failure.status, FAILURE_PAGE, headers);
  // Rails' own JSON error for a 500 and 502; Api::BaseController's words for a 503.
  return failure.status === 503
    ? json(503, { error: TEMPORARY_PROBLEM }, headers)
    : json(
        failure.status,
        {
          status: failure.status,
          error: failure.status === 500 ? 'Internal Server Error' : 'Bad Gateway',
        },
        headers,
      );
}

function matches(pattern: string | undefined, path: string): boolean {
  return pattern === undefined || pattern === '' || path.includes(pattern);
}
