import {
  CrosswindError,
  rateLimited,
  retryAtFromHeaders,
  serverTrouble,
  toCrosswindError,
  unreachable,
} from '../errors';
import { isPrivateHost } from './private-host';
import { safeHttpUrl } from './sanitize';
import { t } from '../i18n/messages';

/** How a page or an image from a site Crosswind does not control is fetched. */
export interface RemoteFetchOptions {
  signal?: AbortSignal;
  /** Stands in for the global fetch (tests, or a fetch with extra rules). */
  fetchImpl?: typeof fetch;
  /** Milliseconds for the whole exchange, body included. */
  timeoutMs?: number;
  /** Whether addresses on the user's own machine or network may be fetched; see below. */
  allowPrivateHosts?: boolean;
}

/**
 * Private addresses are refused in the real extension. Tests and the e2e build serve their pages
 * from 127.0.0.1, so there they are allowed.
 */
export const PRIVATE_HOSTS_ALLOWED = import.meta.env.MODE !== 'production';

/** What is being fetched and how: `kind` names it in messages ("that page", "that image"). */
export interface RemoteRequest extends RemoteFetchOptions {
  kind: 'page' | 'image' | 'video';
  /** The Accept header: what the caller can use. */
  accept: string;
  timeoutMs: number;
}

/** A request under way: the response, and its body read within the same deadline. */
export interface RemoteResponse {
  response: Response;
  /** The address after redirects; the requested one when the fetch does not say. */
  finalUrl: string;
  host: string;
  /** Reads at most `maxBytes`; `truncated` says the body went on past them. */
  readBody(maxBytes: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; truncated: boolean }>;
  /** Stops the download; for an answer that is refused before its body is read. */
  discard(): void;
}

/**
 * Fetches an http(s) URL the way every fetch of a third-party site must go: no cookies (the user's
 * session on that site is none of our business), redirects followed, one deadline for the headers
 * and the body, and every failure turned into a CrosswindError naming the host.
 */
export async function fetchRemote<T>(
  rawUrl: string,
  request: RemoteRequest,
  use: (remote: RemoteResponse) => Promise<T>,
): Promise<T> {
  const { kind, accept, ...options } = request;
  const url = safeHttpUrl(rawUrl);
  if (!url) {
    throw new CrosswindError(
      'validation',
      kind === 'image'
        ? t('capture.imageNotHttp')
        : kind === 'video'
          ? t('capture.videoNotHttp')
          : t('capture.pageNotHttp'),
    );
  }
  const { host, hostname } = new URL(url);
  const allowPrivate = options.allowPrivateHosts ?? PRIVATE_HOSTS_ALLOWED;
  if (!allowPrivate && isPrivateHost(hostname)) throw privateHostError(host);
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  try {
    const response = await untilAborted(
      fetchImpl(url, {
        credentials: 'omit',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
        headers: { accept },
        signal,
      }),
      signal,
    );
    const discard = () => void response.body?.cancel().catch(() => {});
    const finalUrl = safeHttpUrl(response.url) ?? url;
    // A redirect may lead inside the network: what is there must not end up in a public post.
    if (!allowPrivate && isPrivateHost(new URL(finalUrl).hostname)) {
      discard();
      throw privateHostError(host);
    }
    if (!response.ok) {
      discard();
      throw statusError(host, response, kind);
    }
    return await use({
      response,
      finalUrl,
      host,
      readBody: (maxBytes) => readCapped(response, maxBytes, signal),
      discard,
    });
  } catch (error) {
    if (error instanceof CrosswindError) throw error;
    // The caller's own abort is a cancel; only our deadline is the site's slowness.
    if (options.signal?.aborted) throw toCrosswindError(options.signal.reason ?? error);
    if (timeout.aborted) {
      throw new CrosswindError('network', `${host} did not answer in time.`, { cause: error });
    }
    if (error instanceof TypeError) throw unreachable(host, error);
    throw toCrosswindError(error);
  }
}

function privateHostError(host: string): CrosswindError {
  return new CrosswindError('validation', t('capture.privateHost', { host }));
}

/** The words for a refused download, by what was being fetched. */
const STATUS_KEYS = {
  page: {
    missing: 'capture.pageMissing',
    forbidden: 'capture.pageForbidden',
    refused: 'capture.pageRefused',
  },
  image: {
    missing: 'capture.imageMissing',
    forbidden: 'capture.imageForbidden',
    refused: 'capture.imageRefused',
  },
  video: {
    missing: 'capture.videoMissing',
    forbidden: 'capture.videoForbidden',
    refused: 'capture.videoRefused',
  },
} as const;

function statusError(
  host: string,
  response: Response,
  kind: RemoteRequest['kind'],
): CrosswindError {
  const { status } = response;
  if (status === 429) return rateLimited(host, retryAtFromHeaders(response.headers));
  if (status >= 500) return serverTrouble(host, status);
  const keys = STATUS_KEYS[kind];
  const message =
    status === 404 || status === 410
      ? t(keys.missing, { host, status })
      : status === 401 || status === 403
        ? t(keys.forbidden, { host, status })
        : t(keys.refused, { host, status });
  return new CrosswindError('validation', message, { status });
}

/** Reads the body chunk by chunk and stops (cancelling the download) once `maxBytes` are in. */
async function readCapped(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; truncated: boolean }> {
  if (!response.body) {
    const whole = new Uint8Array(await response.arrayBuffer());
    return { bytes: whole.slice(0, maxBytes), truncated: whole.length > maxBytes };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      const room = maxBytes - size;
      if (value.byteLength > room) {
        chunks.push(value.subarray(0, room));
        size += room;
        truncated = true;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    // Cancelling a finished stream is harmless; an unfinished one must not keep downloading.
    void reader.cancel().catch(() => {});
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated };
}

// A fetch that ignores its signal (an injected one, a stuck stream) must still not outlive it.
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
