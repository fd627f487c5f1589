import {
  CrosswindError,
  rateLimited,
  serverTrouble,
  unreadableAnswer,
  webPageInstead,
} from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import type { HttpAnswer } from '../fetch-json';

// Meta answers errors as `{ error: { message, type, code, error_subcode, error_user_msg,
// fbtrace_id } }` (Graph API error handling). Codes that mean the same to a person get the same
// words: 190 a login that no longer works, 4/17/32/613 and 9 (+2207042) limits, 9007 not ready.

export interface MetaError {
  message: string;
  type?: string;
  code?: number;
  subcode?: number;
  userMessage?: string;
  traceId?: string;
}

function number(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Reads Meta's error object from a body, if that is what it is. */
export function readMetaError(body: unknown): MetaError | undefined {
  if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const item = error as Record<string, unknown>;
  return {
    message: text(item.message) ?? '',
    ...(text(item.type) !== undefined && { type: text(item.type) }),
    ...(number(item.code) !== undefined && { code: number(item.code) }),
    ...(number(item.error_subcode) !== undefined && { subcode: number(item.error_subcode) }),
    ...(text(item.error_user_msg) !== undefined && { userMessage: text(item.error_user_msg) }),
    ...(text(item.fbtrace_id) !== undefined && { traceId: text(item.fbtrace_id) }),
  };
}

const THROTTLED = new Set([4, 17, 32, 613]);

/** The CrosswindError for an answer that is not a success. */
export function fromThreadsAnswer(answer: HttpAnswer, host: string): CrosswindError {
  const error = readMetaError(answer.json);
  if (!error) {
    if (answer.isWebPage) return webPageInstead(host, answer.status);
    if (answer.status === 429) return rateLimited(host, undefined);
    if (answer.status >= 500) return serverTrouble(host, answer.status);
    return unreadableAnswer(host, answer.status);
  }
  // Meta's own words (in the language of the request) and its ids, for the details and for support.
  const detail = [
    error.userMessage ?? error.message,
    error.code !== undefined && `code ${error.code}`,
    error.subcode !== undefined && `subcode ${error.subcode}`,
    error.traceId && `fbtrace_id ${error.traceId}`,
  ]
    .filter(Boolean)
    .join(', ');
  const options = { status: answer.status, ...(detail && { detail }) };
  if (error.code === 190 || error.code === 102) {
    return new CrosswindError('auth', words('threads.loginExpired'), options);
  }
  if (error.code === 10 || (error.code !== undefined && error.code >= 200 && error.code < 300)) {
    return new CrosswindError('auth', words('threads.missingPermission'), options);
  }
  if (error.code === 9 || (error.code !== undefined && THROTTLED.has(error.code))) {
    return new CrosswindError('rate-limit', words('threads.limitReached'), {
      ...options,
      retryable: error.code !== 9,
    });
  }
  if (error.message === 'THREADS_API__LINK_LIMIT_EXCEEDED') {
    return new CrosswindError('validation', words('threads.tooManyLinks'), options);
  }
  if (error.code === 1 && /secret/i.test(error.message)) {
    return new CrosswindError('auth', words('threads.wrongSecret'), options);
  }
  if (error.code === 101) return new CrosswindError('auth', words('threads.wrongAppId'), options);
  if (error.subcode === 36008)
    return new CrosswindError('auth', words('threads.redirectMismatch'), options);
  if (answer.status >= 500 || error.code === 1 || error.code === 2) {
    return new CrosswindError('server', words('threads.troubleRetry'), {
      ...options,
      retryable: true,
    });
  }
  return new CrosswindError('validation', words('threads.refused'), options);
}
