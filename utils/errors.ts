import { words, wordingText, type Wording } from './i18n/wording';

/** What went wrong, in the terms the UI acts on: reconnect, wait, edit, or retry. */
export type ErrorKind =
  'auth' | 'rate-limit' | 'validation' | 'network' | 'server' | 'cancelled' | 'unsupported';

/** An error as plain data, so it can cross from the background to a page and into storage. */
export interface SerializedError {
  kind: ErrorKind;
  /**
   * The words as they were when the error was made: shown when `wording` is absent (records
   * older than it) or names a key this version lacks. Read it through `errorText()`.
   */
  message: string;
  /** The message as key and values, worded in the reader's language wherever it is shown. */
  wording?: Wording;
  retryable: boolean;
  status?: number;
  /** When the server said it may be tried again (epoch milliseconds). */
  retryAt?: number;
  detail?: string;
}

const RETRYABLE_BY_DEFAULT: Record<ErrorKind, boolean> = {
  auth: false,
  'rate-limit': true,
  validation: false,
  network: true,
  server: true,
  cancelled: false,
  unsupported: false,
};

/**
 * The one error type Crosswind code throws: it always carries a kind and a message. Give the
 * message as `words(key, values)` so it re-words itself when the user changes the language; a
 * plain string stays as written (the literal-text test allows none in new code).
 */
export class CrosswindError extends Error {
  override readonly name = 'CrosswindError';
  readonly kind: ErrorKind;
  readonly wording: Wording | undefined;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly retryAt: number | undefined;
  readonly detail: string | undefined;

  constructor(
    kind: ErrorKind,
    message: Wording | string,
    options: {
      cause?: unknown;
      retryable?: boolean;
      status?: number;
      retryAt?: number;
      detail?: string;
    } = {},
  ) {
    const wording = typeof message === 'string' ? undefined : message;
    super(wording ? (wordingText(wording) ?? wording.key) : (message as string), {
      cause: options.cause,
    });
    this.kind = kind;
    this.wording = wording;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT[kind];
    this.status = options.status;
    this.retryAt = options.retryAt;
    this.detail = options.detail;
  }

  toJSON(): SerializedError {
    return serializeError(this);
  }
}

/** Turns any thrown value into plain data, keeping only what the UI may show. */
export function serializeError(error: unknown): SerializedError {
  const known = toCrosswindError(error);
  const data: SerializedError = {
    kind: known.kind,
    message: known.message,
    retryable: known.retryable,
  };
  if (known.wording !== undefined) data.wording = known.wording;
  if (known.status !== undefined) data.status = known.status;
  if (known.retryAt !== undefined) data.retryAt = known.retryAt;
  if (known.detail !== undefined) data.detail = known.detail;
  return data;
}

/** Rebuilds a CrosswindError on the receiving side of a message. */
export function deserializeError(data: SerializedError): CrosswindError {
  return new CrosswindError(data.kind, data.wording ?? data.message, {
    retryable: data.retryable,
    ...(data.status !== undefined && { status: data.status }),
    ...(data.retryAt !== undefined && { retryAt: data.retryAt }),
    ...(data.detail !== undefined && { detail: data.detail }),
  });
}

/** Wraps values that are not CrosswindErrors; unknown failures are reported, never swallowed. */
export function toCrosswindError(error: unknown): CrosswindError {
  if (error instanceof CrosswindError) return error;
  if (errorName(error) === 'TimeoutError') return timedOut('', error);
  if (errorName(error) === 'AbortError') {
    return cancelled(error);
  }
  // JSON.parse on a page that is not JSON ("Unexpected token '<'") is the server's doing.
  if (error instanceof SyntaxError) return unreadableAnswer('', undefined, error);
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the server cannot be reached at all.
    return new CrosswindError('network', words('errors.offline'), { cause: error });
  }
  const said = error instanceof Error ? error.message : String(error);
  return new CrosswindError('server', words('errors.unexpected', { said }), {
    cause: error,
    detail: said,
  });
}

/**
 * An error's message in the language the user reads now, whatever language it was recorded
 * in; records from before messages had keys read as they were written.
 */
export function errorText(error: Pick<SerializedError, 'message' | 'wording'>): string {
  return (error.wording && wordingText(error.wording)) ?? error.message;
}

/** The request was stopped on purpose (the user, or a newer request replacing it). */
export function cancelled(cause?: unknown): CrosswindError {
  return new CrosswindError('cancelled', words('errors.cancelled'), { cause });
}

function errorName(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
}

/** Reads a retry moment from the headers servers use for it (Retry-After, X-RateLimit-Reset, RateLimit-Reset). */
export function retryAtFromHeaders(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return now + seconds * 1000;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return date;
  }
  for (const name of ['x-ratelimit-reset', 'ratelimit-reset']) {
    const value = headers.get(name);
    if (!value) continue;
    const asNumber = Number(value);
    if (Number.isFinite(asNumber)) {
      // Bluesky sends epoch seconds; the IETF draft sends seconds from now.
      return asNumber > 1_000_000_000 ? asNumber * 1000 : now + asNumber * 1000;
    }
    const date = Date.parse(value);
    if (!Number.isNaN(date)) return date;
  }
  return undefined;
}

/**
 * How a server is named in a message: its host, or "the server" in the reader's language when
 * its address could not be read.
 */
export function serverName(host: string): string | Wording {
  return host.trim() || words('errors.theServer');
}

/** The server could not be reached at all (DNS, refused connection, offline). */
export function unreachable(host: string, cause?: unknown): CrosswindError {
  return new CrosswindError('network', words('errors.unreachable', { host: serverName(host) }), {
    cause,
  });
}

/** The server did not answer in time; the request was given up, so it may or may not have arrived. */
export function timedOut(host: string, cause?: unknown): CrosswindError {
  return new CrosswindError('network', words('errors.timedOut', { host: serverName(host) }), {
    cause,
  });
}

/**
 * An HTML page came back where the API answers JSON: a proxy's error page, a login wall, or an
 * address that is a website rather than the server's API. The status is kept, so rules such as
 * "404 means already gone" still apply to it.
 */
export function webPageInstead(host: string, status: number, cause?: unknown): CrosswindError {
  const name = serverName(host);
  const wording =
    status >= 200 && status < 300
      ? words('errors.webPage', { host: name })
      : words('errors.webPageStatus', { host: name, status });
  return new CrosswindError(status === 429 ? 'rate-limit' : 'server', wording, {
    cause,
    status,
    retryable: status >= 500 || status === 429,
  });
}

/** A body that is neither JSON nor a web page, or JSON that does not parse. */
export function unreadableAnswer(
  host: string,
  status: number | undefined,
  cause?: unknown,
): CrosswindError {
  return new CrosswindError('server', words('errors.unreadable', { host: serverName(host) }), {
    cause,
    ...(status !== undefined && { status }),
    retryable: status !== undefined && status >= 500,
  });
}

/**
 * A success that lacks what the API promises (a post without an id, a schedule without a time);
 * `missing` names it (`words('errors.missing.postLink')`). Not retried: the server may have
 * done it, and asking again would not make it say so.
 */
export function incompleteAnswer(host: string, missing: Wording, cause?: unknown): CrosswindError {
  return new CrosswindError(
    'server',
    words('errors.incomplete', { host: serverName(host), missing }),
    { cause, retryable: false },
  );
}

/** The server answered with a 5xx: its problem, usually gone on retry. */
export function serverTrouble(host: string, status: number, cause?: unknown): CrosswindError {
  return new CrosswindError(
    'server',
    words('errors.serverTrouble', { host: serverName(host), status }),
    { cause, status },
  );
}

/** The server asked us to slow down, and said until when if it did. */
export function rateLimited(
  host: string,
  retryAt: number | undefined,
  cause?: unknown,
): CrosswindError {
  const name = serverName(host);
  const wording = retryAt
    ? words('errors.rateLimitedUntil', { host: name, time: { time: retryAt } })
    : words('errors.rateLimited', { host: name });
  return new CrosswindError('rate-limit', wording, {
    cause,
    status: 429,
    ...(retryAt !== undefined && { retryAt }),
  });
}
