import { words } from '@/utils/i18n/wording';
import { MastoHttpError, MastoTimeoutError, MastoUnexpectedError } from 'masto';
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
import { NotApiAnswer } from './http';

/** What the status alone says, whatever the body was; undefined when the body must say more. */
function byStatus(
  status: number,
  host: string,
  said: string | undefined,
  headers: Headers | undefined,
  cause: unknown,
): CrosswindError | undefined {
  if (status === 401 || status === 403) {
    const wording = said
      ? words('mastodon.accessEndedSaid', { host, said })
      : words('mastodon.accessEnded', { host });
    return new CrosswindError('auth', wording, { cause, status, ...(said && { detail: said }) });
  }
  if (status === 429)
    return rateLimited(host, headers ? retryAtFromHeaders(headers) : undefined, cause);
  return undefined;
}

/** Turns what masto.js or fetch threw into a CrosswindError with words a person understands. */
export function fromMastodonError(error: unknown, host: string): CrosswindError {
  if (error instanceof CrosswindError) return error;
  if (error instanceof NotApiAnswer) {
    // A proxy's login or rate-limit page still means what its status means.
    const known = byStatus(error.status, host, undefined, error.headers, error);
    if (known) return known;
    return error.isWebPage
      ? webPageInstead(host, error.status, error)
      : unreadableAnswer(host, error.status, error);
  }
  if (error instanceof MastoHttpError) {
    const status = error.statusCode;
    const said = error.message;
    const response = error.cause instanceof Response ? error.cause : undefined;
    const known = byStatus(status, host, said, response?.headers, error);
    if (known) return known;
    if (status === 422) {
      const reason = said.replace(/^Validation failed:\s*/i, '');
      return new CrosswindError(
        'validation',
        words('mastodon.refusedPost', { host, said: reason }),
        {
          cause: error,
          status,
          detail: reason,
        },
      );
    }
    if (status === 404) {
      return new CrosswindError('validation', words('mastodon.notFound', { host, said }), {
        cause: error,
        status,
        detail: said,
      });
    }
    if (status >= 500) return serverTrouble(host, status, error);
    return new CrosswindError('server', words('mastodon.answeredError', { host, status, said }), {
      cause: error,
      status,
      detail: said,
    });
  }
  if (error instanceof MastoTimeoutError) return timedOut(host, error);
  if (error instanceof MastoUnexpectedError) return unreadableAnswer(host, undefined, error);
  if (error instanceof TypeError) return unreachable(host, error);
  return toCrosswindError(error);
}
