import {
  cancelled,
  CrosswindError,
  rateLimited,
  retryAtFromHeaders,
  serverTrouble,
  timedOut,
  unreachable,
  unreadableAnswer,
  webPageInstead,
} from '@/utils/errors';

/** How long any request to a network may take before it is given up and reported. */
export const NETWORK_TIMEOUT_MS = 30_000;

/** What came back, with the body read once: JSON when it was JSON, else nothing. */
export interface HttpAnswer {
  status: number;
  ok: boolean;
  headers: Headers;
  /** The parsed body; undefined when the body was empty or not JSON. */
  json: unknown;
  /** The body was HTML (or looked like it): a web page, not the API. */
  isWebPage: boolean;
  /** The body was there but could not be read as JSON. */
  isUnreadable: boolean;
}

/** A signal that ends the request after `timeoutMs`, or earlier when the caller aborts. */
export function withTimeout(
  signal: AbortSignal | null | undefined,
  timeoutMs = NETWORK_TIMEOUT_MS,
): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** Turns what fetch() threw into words: timed out, cancelled, or not reachable. */
export function fetchFailure(error: unknown, host: string): CrosswindError {
  if (error instanceof CrosswindError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : '';
  if (name === 'TimeoutError') return timedOut(host, error);
  if (name === 'AbortError') {
    return cancelled(error);
  }
  return unreachable(host, error);
}

/** True for a body that is a web page, by its declared type or its first character. */
export function looksLikeWebPage(contentType: string | null, text: string): boolean {
  if (contentType && /\btext\/html\b|\bxml\b/i.test(contentType)) return true;
  return /^\s*</.test(text);
}

/** Reads a body as JSON where it is JSON, and says what it was otherwise. */
export function readBody(
  response: Pick<Response, 'status' | 'ok' | 'headers'>,
  text: string,
): HttpAnswer {
  const base = {
    status: response.status,
    ok: response.ok,
    headers: response.headers,
    json: undefined,
    isWebPage: false,
    isUnreadable: false,
  };
  if (text.trim() === '') return base;
  if (looksLikeWebPage(response.headers.get('content-type'), text)) {
    return { ...base, isWebPage: true };
  }
  try {
    return { ...base, json: JSON.parse(text) as unknown };
  } catch {
    return { ...base, isUnreadable: true };
  }
}

/** A request's options, with how long it may take where that is not the usual 30 s (an upload). */
export interface FetchInit extends RequestInit {
  timeoutMs?: number;
}

/** A GET or POST that always ends: in time, or with an error that names the host. */
export async function fetchJson(url: string, init: FetchInit = {}): Promise<HttpAnswer> {
  const host = hostFor(url);
  const { timeoutMs, ...request } = init;
  try {
    const response = await fetch(url, {
      ...request,
      headers: { Accept: 'application/json', ...request.headers },
      signal: withTimeout(request.signal, timeoutMs),
    });
    return readBody(response, await response.text());
  } catch (error) {
    throw fetchFailure(error, host);
  }
}

/**
 * The JSON of a successful answer, or the error that fits what came back instead: a web page,
 * a 429 or 5xx, or a body that is not JSON. Other statuses are for the caller to explain.
 */
export function requireJson(answer: HttpAnswer, host: string): unknown {
  if (answer.isWebPage) throw webPageInstead(host, answer.status);
  if (answer.status === 429) throw rateLimited(host, retryAtFromHeaders(answer.headers));
  if (answer.status >= 500) throw serverTrouble(host, answer.status);
  if (answer.isUnreadable || (answer.ok && answer.json === undefined)) {
    throw unreadableAnswer(host, answer.status);
  }
  return answer.json;
}

function hostFor(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
