import { MastoHttpError, MastoTimeoutError, MastoUnexpectedError } from 'masto';
import {
  CrosswindError,
  rateLimited,
  retryAtFromHeaders,
  serverTrouble,
  toCrosswindError,
  unreachable,
} from '@/utils/errors';

/** Turns what masto.js or fetch threw into a CrosswindError with words a person understands. */
export function fromMastodonError(error: unknown, host: string): CrosswindError {
  if (error instanceof CrosswindError) return error;
  if (error instanceof MastoHttpError) {
    const status = error.statusCode;
    const said = error.message;
    const response = error.cause instanceof Response ? error.cause : undefined;
    if (status === 401 || status === 403) {
      return new CrosswindError(
        'auth',
        `${host} no longer accepts Crosswind's access (${said}). Reconnect the account.`,
        { cause: error, status },
      );
    }
    if (status === 422) {
      const reason = said.replace(/^Validation failed:\s*/i, '');
      return new CrosswindError('validation', `${host} refused the post: ${reason}.`, {
        cause: error,
        status,
      });
    }
    if (status === 404) {
      return new CrosswindError('validation', `${host} could not find it (${said}).`, {
        cause: error,
        status,
      });
    }
    if (status === 429) {
      return rateLimited(host, response ? retryAtFromHeaders(response.headers) : undefined, error);
    }
    if (status >= 500) return serverTrouble(host, status, error);
    return new CrosswindError('server', `${host} answered with error ${status}: ${said}`, {
      cause: error,
      status,
    });
  }
  if (error instanceof MastoTimeoutError) {
    return new CrosswindError('network', `${host} took too long to answer. Try again.`, {
      cause: error,
    });
  }
  if (error instanceof MastoUnexpectedError) {
    return new CrosswindError('server', `${host} sent an answer Crosswind cannot read.`, {
      cause: error,
    });
  }
  if (error instanceof TypeError) return unreachable(host, error);
  return toCrosswindError(error);
}
