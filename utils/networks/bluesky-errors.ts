import { XRPCError } from '@atproto/api';
import { CrosswindError, retryAtFromHeaders, toCrosswindError } from '../errors';

const AUTH_ERRORS = new Set([
  'AuthenticationRequired',
  'ExpiredToken',
  'InvalidToken',
  'AccountTakedown',
]);

/** Turns an XRPC failure into a CrosswindError a person can act on. */
export function fromBlueskyError(error: unknown, host: string): CrosswindError {
  if (error instanceof CrosswindError) return error;
  if (!(error instanceof XRPCError)) {
    if (error instanceof TypeError) {
      return new CrosswindError(
        'network',
        `Could not reach ${host}. Check your connection and try again.`,
        { cause: error },
      );
    }
    return toCrosswindError(error);
  }
  const status = error.status;
  const said = error.message || error.error;
  if (status === 1) {
    return new CrosswindError(
      'network',
      `Could not reach ${host}. Check your connection and try again.`,
      { cause: error },
    );
  }
  if (status === 401 || AUTH_ERRORS.has(error.error)) {
    return new CrosswindError(
      'auth',
      `${host} no longer accepts this session (${said}). Reconnect the account.`,
      {
        cause: error,
        status,
      },
    );
  }
  if (status === 429) {
    const retryAt = error.headers ? retryAtFromHeaders(toHeaders(error.headers)) : undefined;
    const when = retryAt ? ` after ${new Date(retryAt).toLocaleTimeString()}` : ' later';
    return new CrosswindError('rate-limit', `${host} says too many requests. Try again${when}.`, {
      cause: error,
      status,
      ...(retryAt !== undefined && { retryAt }),
    });
  }
  if (status === 400 || status === 413) {
    return new CrosswindError('validation', `${host} refused the post: ${said}.`, {
      cause: error,
      status,
    });
  }
  if (status >= 500) {
    return new CrosswindError(
      'server',
      `${host} had a problem (error ${status}). Try again in a moment.`,
      {
        cause: error,
        status,
      },
    );
  }
  return new CrosswindError('server', `${host} answered with an error: ${said}`, {
    cause: error,
    status,
  });
}

function toHeaders(map: Record<string, string | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(map))
    if (value !== undefined) headers.set(name, value);
  return headers;
}
