import {
  CrosswindError,
  rateLimited,
  retryAtFromHeaders,
  serverTrouble,
  unreachable,
} from '@/utils/errors';

/** Misskey's error body: `{ error: { message, code, id, kind, info? } }`. */
export interface MisskeyApiError {
  message: string;
  code: string;
  id: string;
  kind?: string;
  info?: Record<string, unknown>;
}

/** The `error` object of an answer, when the answer is Misskey's error shape. */
export function readApiError(body: unknown): MisskeyApiError | undefined {
  const error =
    typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error !== 'object' || error === null) return undefined;
  const { message, code, id, kind, info } = error as Record<string, unknown>;
  if (typeof code !== 'string') return undefined;
  return {
    message: typeof message === 'string' ? message : code,
    code,
    id: typeof id === 'string' ? id : '',
    ...(typeof kind === 'string' && { kind }),
    ...(typeof info === 'object' && info !== null && { info: info as Record<string, unknown> }),
  };
}

/** When a RATE_LIMIT_EXCEEDED may be retried: Retry-After, else the limiter's `info.resetMs`. */
function retryAt(headers: Headers, error: MisskeyApiError | undefined): number | undefined {
  const fromHeader = retryAtFromHeaders(headers);
  if (fromHeader !== undefined) return fromHeader;
  const resetMs = error?.info?.resetMs;
  return typeof resetMs === 'number' && Number.isFinite(resetMs) ? resetMs : undefined;
}

/** INVALID_PARAM's `info.param` is ajv's schema path; name the field a person knows. */
function invalidParamWords(host: string, info: Record<string, unknown> | undefined): string {
  const param = typeof info?.param === 'string' ? info.param : '';
  const reason = typeof info?.reason === 'string' ? info.reason : '';
  const limit = /more than (\d+)/.exec(reason)?.[1];
  if (param.endsWith('/text/maxLength')) {
    return `${host} refused the post: the text is longer than the ${limit ?? 'allowed'} characters it accepts.`;
  }
  if (param.endsWith('/cw/maxLength')) {
    return `${host} refused the post: the content warning is longer than ${limit ?? 'the allowed'} characters.`;
  }
  if (param.endsWith('/comment/maxLength')) {
    return `${host} refused an image: its alt text is longer than ${limit ?? 'the allowed'} characters.`;
  }
  if (/\/text\/(pattern|minLength)$|\/then\/required$/.test(param)) {
    return `${host} refused the post: it has no text.`;
  }
  if (param.endsWith('/fileIds/maxItems')) {
    return `${host} refused the post: it has more images than the ${limit ?? 'allowed'} it accepts.`;
  }
  const field = /\/properties\/([^/]+)/.exec(param)?.[1] ?? (param || 'a value');
  return `${host} refused a value Crosswind sent (${field}: ${reason || 'invalid'}).`;
}

/** What each Misskey error code means to a person, and what they can do. */
function wordsFor(
  error: MisskeyApiError,
  host: string,
): [CrosswindError['kind'], string] | undefined {
  switch (error.code) {
    case 'CREDENTIAL_REQUIRED':
    case 'AUTHENTICATION_FAILED':
      return [
        'auth',
        `${host} no longer accepts Crosswind's access (it was revoked or has expired). Reconnect the account.`,
      ];
    case 'PERMISSION_DENIED':
      return [
        'auth',
        `Crosswind's access to ${host} lacks a permission this needs. Reconnect the account to grant it.`,
      ];
    case 'YOUR_ACCOUNT_SUSPENDED':
      return [
        'auth',
        `Your account on ${host} is suspended, so nothing can be posted there. Contact the server's moderators.`,
      ];
    case 'YOUR_ACCOUNT_MOVED':
      return [
        'auth',
        `Your account on ${host} has moved to another server. Connect the new account instead.`,
      ];
    case 'INVALID_PARAM':
      return ['validation', invalidParamWords(host, error.info)];
    case 'MAX_LENGTH':
      return ['validation', `${host} refused the post: the text is longer than it accepts.`];
    case 'MAX_CW_LENGTH':
      return [
        'validation',
        `${host} refused the post: the content warning is longer than it accepts.`,
      ];
    case 'NO_SUCH_FILE':
      return [
        'validation',
        `${host} no longer has an image uploaded for this post (it may have been deleted from your drive). Post it again to upload it anew.`,
      ];
    case 'NO_SUCH_REPLY_TARGET':
      return [
        'validation',
        `The post this one answers is gone from ${host}, so the thread cannot continue there.`,
      ];
    case 'NO_SUCH_NOTE':
      return ['validation', `${host} has no such post (it may already be deleted).`];
    case 'MAX_FILE_SIZE_EXCEEDED':
      return ['validation', `${host} refused an image: it is larger than the server accepts.`];
    case 'NO_FREE_SPACE':
      return [
        'validation',
        `Your drive on ${host} is full. Delete some files from your Misskey drive, then try again.`,
      ];
    case 'INAPPROPRIATE':
      return ['validation', `${host} refused an image as possibly inappropriate.`];
    case 'CONTAINS_PROHIBITED_WORDS':
      return [
        'validation',
        `${host} refused the post: it contains words the server does not allow.`,
      ];
    case 'CONTAINS_TOO_MANY_MENTIONS':
      return [
        'validation',
        `${host} refused the post: it mentions more people than the server allows.`,
      ];
    case 'ACCESS_DENIED':
      return ['auth', `${host} did not allow this (access denied).`];
    default:
      return undefined;
  }
}

/** Turns a Misskey error answer into a CrosswindError with words a person understands. */
export function fromMisskeyAnswer(
  status: number,
  body: unknown,
  headers: Headers,
  host: string,
): CrosswindError {
  const error = readApiError(body);
  const detail = error ? `${error.code}: ${error.message}` : undefined;
  const extras = { status, ...(detail !== undefined && { detail }) };
  if (status === 429 || error?.code === 'RATE_LIMIT_EXCEEDED') {
    return rateLimited(host, retryAt(headers, error), error);
  }
  const known = error ? wordsFor(error, host) : undefined;
  if (known) return new CrosswindError(known[0], known[1], { ...extras, cause: error });
  if (status >= 500) return serverTrouble(host, status, error);
  const said = error ? `${error.message} (${error.code})` : `error ${status}`;
  return new CrosswindError('server', `${host} answered: ${said}`, { ...extras, cause: error });
}

/** Turns a failed fetch (offline, refused, timed out, cancelled) into a CrosswindError. */
export function fromFetchFailure(error: unknown, host: string, timedOut: boolean): CrosswindError {
  if (error instanceof CrosswindError) return error;
  if (timedOut) {
    return new CrosswindError('network', `${host} took too long to answer. Try again.`, {
      cause: error,
    });
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new CrosswindError('cancelled', 'The request was cancelled.', { cause: error });
  }
  return unreachable(host, error);
}
