import { XRPCError } from '@atproto/api';
import {
  CrosswindError,
  rateLimited,
  retryAtFromHeaders,
  serverTrouble,
  toCrosswindError,
  unreachable,
} from '@/utils/errors';

const AUTH_ERRORS = new Set([
  'AuthenticationRequired',
  'ExpiredToken',
  'InvalidToken',
  'AccountTakedown',
]);

/** Turns an XRPC failure into a CrosswindError a person can act on. */
export function fromBlueskyError(error: unknown, host: string): CrosswindError {
  if (error instanceof CrosswindError) return error;
  // The SDK wraps what its fetch threw; a refusal of ours keeps its own words.
  if (error instanceof XRPCError && error.cause instanceof CrosswindError) return error.cause;
  if (!(error instanceof XRPCError)) {
    return error instanceof TypeError ? unreachable(host, error) : toCrosswindError(error);
  }
  const status = error.status;
  const said = error.message || error.error;
  // XRPC reports "no response at all" as status 1.
  if (status === 1) return unreachable(host, error);
  if (status === 401 || AUTH_ERRORS.has(error.error)) {
    return new CrosswindError(
      'auth',
      `${host} no longer accepts this session (${said}). Reconnect the account.`,
      { cause: error, status },
    );
  }
  if (status === 429) {
    const retryAt = error.headers ? retryAtFromHeaders(toHeaders(error.headers)) : undefined;
    return rateLimited(host, retryAt, error);
  }
  if (status === 400 || status === 413) {
    return new CrosswindError('validation', `${host} refused the post: ${said}.`, {
      cause: error,
      status,
    });
  }
  if (status >= 500) return serverTrouble(host, status, error);
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
