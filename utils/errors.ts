/** What went wrong, in the terms the UI acts on: reconnect, wait, edit, or retry. */
export type ErrorKind =
  'auth' | 'rate-limit' | 'validation' | 'network' | 'server' | 'cancelled' | 'unsupported';

/** An error as plain data, so it can cross from the background to a page and into storage. */
export interface SerializedError {
  kind: ErrorKind;
  message: string;
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

/** The one error type Crosswind code throws: it always carries a human message and a kind. */
export class CrosswindError extends Error {
  override readonly name = 'CrosswindError';
  readonly kind: ErrorKind;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly retryAt: number | undefined;
  readonly detail: string | undefined;

  constructor(
    kind: ErrorKind,
    message: string,
    options: {
      cause?: unknown;
      retryable?: boolean;
      status?: number;
      retryAt?: number;
      detail?: string;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
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
  if (known.status !== undefined) data.status = known.status;
  if (known.retryAt !== undefined) data.retryAt = known.retryAt;
  if (known.detail !== undefined) data.detail = known.detail;
  return data;
}

/** Rebuilds a CrosswindError on the receiving side of a message. */
export function deserializeError(data: SerializedError): CrosswindError {
  return new CrosswindError(data.kind, data.message, {
    retryable: data.retryable,
    ...(data.status !== undefined && { status: data.status }),
    ...(data.retryAt !== undefined && { retryAt: data.retryAt }),
    ...(data.detail !== undefined && { detail: data.detail }),
  });
}

/** Wraps values that are not CrosswindErrors; unknown failures are reported, never swallowed. */
export function toCrosswindError(error: unknown): CrosswindError {
  if (error instanceof CrosswindError) return error;
  if (isAbort(error)) {
    return new CrosswindError('cancelled', 'The request was cancelled.', { cause: error });
  }
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the server cannot be reached at all.
    return new CrosswindError(
      'network',
      'Could not reach the server. Check your connection and try again.',
      { cause: error },
    );
  }
  const text = error instanceof Error ? error.message : String(error);
  return new CrosswindError('server', `Something went wrong: ${text}`, { cause: error });
}

function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'AbortError' || error.name === 'TimeoutError')
  );
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

/** The server could not be reached at all (DNS, refused connection, offline). */
export function unreachable(host: string, cause?: unknown): CrosswindError {
  return new CrosswindError(
    'network',
    `Could not reach ${host}. Check the address and your connection.`,
    { cause },
  );
}

/** The server answered with a 5xx: its problem, usually gone on retry. */
export function serverTrouble(host: string, status: number, cause?: unknown): CrosswindError {
  return new CrosswindError(
    'server',
    `${host} had a problem (error ${status}). Try again in a moment.`,
    { cause, status },
  );
}

/** The server asked us to slow down, and said until when if it did. */
export function rateLimited(
  host: string,
  retryAt: number | undefined,
  cause?: unknown,
): CrosswindError {
  const when = retryAt ? ` after ${new Date(retryAt).toLocaleTimeString()}` : ' in a few minutes';
  return new CrosswindError('rate-limit', `${host} says too many requests. Try again${when}.`, {
    cause,
    status: 429,
    ...(retryAt !== undefined && { retryAt }),
  });
}
