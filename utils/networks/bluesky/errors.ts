import { words } from '@/utils/i18n/wording';
import { XRPCError } from '@atproto/api';
import {
  CrosswindError,
  rateLimited,
  retryAtFromHeaders,
  serverTrouble,
  timedOut,
  toCrosswindError,
  unreachable,
  unreadableAnswer,
  webPageInstead,
} from '@/utils/errors';
import { looksLikeWebPage } from '../fetch-json';

const AUTH_ERRORS = new Set([
  'AuthenticationRequired',
  'ExpiredToken',
  'InvalidToken',
  'AccountTakedown',
]);

/** XRPC's status for a success whose body fails the method's lexicon (`ResponseType.InvalidResponse`). */
const XRPC_INVALID_RESPONSE = 2;

/**
 * The PDS's shortest rate-limit window (`global-ip`: 3000 requests per 5 minutes; sign-in: 30
 * per 5 minutes). Its `ratelimit-reset` header is hidden from cross-origin pages, so when it
 * cannot be read, waiting out this window is the first wait that can work.
 */
export const PDS_RATE_WINDOW_MS = 5 * 60_000;

function causeName(error: XRPCError): unknown {
  const cause: unknown = error.cause;
  return typeof cause === 'object' && cause !== null && 'name' in cause ? cause.name : undefined;
}

/** Turns an XRPC failure into a CrosswindError a person can act on. */
export function fromBlueskyError(error: unknown, host: string, now = Date.now()): CrosswindError {
  if (error instanceof CrosswindError) return error;
  // The SDK wraps what its fetch threw; a refusal of ours keeps its own words.
  if (error instanceof XRPCError && error.cause instanceof CrosswindError) return error.cause;
  if (!(error instanceof XRPCError)) {
    return error instanceof TypeError ? unreachable(host, error) : toCrosswindError(error);
  }
  if (error.status === XRPC_INVALID_RESPONSE) {
    // A web page with 200 (a proxy, a wrong address), or JSON without what the lexicon promises.
    const body = 'responseBody' in error ? error.responseBody : undefined;
    return typeof body === 'string' && looksLikeWebPage(null, body)
      ? webPageInstead(host, 200, error)
      : unreadableAnswer(host, undefined, error);
  }
  const status = error.status;
  const said = error.message || error.error;
  // XRPC reports "no response at all" as status 1, and so a request given up or cancelled.
  if (status === 1) {
    if (causeName(error) === 'TimeoutError') return timedOut(host, error);
    if (causeName(error) === 'AbortError') return toCrosswindError(error.cause);
    return unreachable(host, error);
  }
  const headers = error.headers ? toHeaders(error.headers) : undefined;
  if (status === 429) {
    const retryAt = headers ? retryAtFromHeaders(headers, now) : undefined;
    return rateLimited(host, retryAt ?? now + PDS_RATE_WINDOW_MS, error);
  }
  if (looksLikeWebPage(headers?.get('content-type') ?? null, '')) {
    return status === 401
      ? authError(host, undefined, status, error)
      : webPageInstead(host, status, error);
  }
  if (status === 401 || AUTH_ERRORS.has(error.error)) return authError(host, said, status, error);
  if (status === 400 || status === 413) {
    return new CrosswindError('validation', words('bluesky.refusedPost', { host, said }), {
      cause: error,
      status,
      detail: said,
    });
  }
  if (status >= 500) return serverTrouble(host, status, error);
  return new CrosswindError('server', words('bluesky.answeredError', { host, said }), {
    cause: error,
    status,
    detail: said,
  });
}

function authError(
  host: string,
  said: string | undefined,
  status: number,
  cause: unknown,
): CrosswindError {
  const wording = said
    ? words('bluesky.sessionEndedSaid', { host, said })
    : words('bluesky.sessionEnded', { host });
  return new CrosswindError('auth', wording, { cause, status, ...(said && { detail: said }) });
}

function toHeaders(map: Record<string, string | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(map))
    if (value !== undefined) headers.set(name, value);
  return headers;
}
