import { words, type Wording } from '@/utils/i18n/wording';
import {
  cancelled,
  CrosswindError,
  timedOut as tookTooLong,
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
function invalidParamWords(host: string, info: Record<string, unknown> | undefined): Wording {
  const param = typeof info?.param === 'string' ? info.param : '';
  const reason = typeof info?.reason === 'string' ? info.reason : '';
  const limit = /more than (\d+)/.exec(reason)?.[1];
  if (param.endsWith('/text/maxLength')) {
    return limit
      ? words('misskey.textTooLongLimit', { host, limit })
      : words('misskey.textTooLong', { host });
  }
  if (param.endsWith('/cw/maxLength')) {
    return limit
      ? words('misskey.cwTooLongLimit', { host, limit })
      : words('misskey.cwTooLong', { host });
  }
  if (param.endsWith('/comment/maxLength')) {
    return limit
      ? words('misskey.altTooLongLimit', { host, limit })
      : words('misskey.altTooLong', { host });
  }
  if (/\/text\/(pattern|minLength)$|\/then\/required$/.test(param)) {
    return words('misskey.noText', { host });
  }
  if (param.endsWith('/fileIds/maxItems')) {
    return limit
      ? words('misskey.tooManyImagesLimit', { host, limit })
      : words('misskey.tooManyImages', { host });
  }
  const field = /\/properties\/([^/]+)/.exec(param)?.[1] ?? (param || 'value');
  return words('misskey.badValue', { host, field, reason: reason || 'invalid' });
}

/** What each Misskey error code means to a person, and what they can do. */
function wordsFor(
  error: MisskeyApiError,
  host: string,
): [CrosswindError['kind'], Wording] | undefined {
  switch (error.code) {
    case 'CREDENTIAL_REQUIRED':
    case 'AUTHENTICATION_FAILED':
      return ['auth', words('misskey.accessEnded', { host })];
    case 'PERMISSION_DENIED':
      return ['auth', words('misskey.permissionMissing', { host })];
    case 'YOUR_ACCOUNT_SUSPENDED':
      return ['auth', words('misskey.suspended', { host })];
    case 'YOUR_ACCOUNT_MOVED':
      return ['auth', words('misskey.moved', { host })];
    case 'INVALID_PARAM':
      return ['validation', invalidParamWords(host, error.info)];
    case 'MAX_LENGTH':
      return ['validation', words('misskey.textTooLong', { host })];
    case 'MAX_CW_LENGTH':
      return ['validation', words('misskey.cwTooLong', { host })];
    case 'NO_SUCH_FILE':
      return ['validation', words('misskey.fileGone', { host })];
    case 'NO_SUCH_REPLY_TARGET':
      return ['validation', words('misskey.replyGone', { host })];
    case 'NO_SUCH_NOTE':
      return ['validation', words('misskey.noSuchNote', { host })];
    case 'MAX_FILE_SIZE_EXCEEDED':
      return ['validation', words('misskey.fileTooLarge', { host })];
    case 'NO_FREE_SPACE':
      return ['validation', words('misskey.driveFull', { host })];
    case 'INAPPROPRIATE':
      return ['validation', words('misskey.inappropriate', { host })];
    case 'CONTAINS_PROHIBITED_WORDS':
      return ['validation', words('misskey.prohibitedWords', { host })];
    case 'CONTAINS_TOO_MANY_MENTIONS':
      return ['validation', words('misskey.tooManyMentions', { host })];
    case 'ACCESS_DENIED':
      return ['auth', words('misskey.accessDenied', { host })];
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
  const wording = error
    ? words('misskey.answered', { host, said: `${error.message} (${error.code})` })
    : words('misskey.answeredStatus', { host, status });
  return new CrosswindError('server', wording, { ...extras, cause: error });
}

/** Turns a failed fetch (offline, refused, timed out, cancelled) into a CrosswindError. */
export function fromFetchFailure(error: unknown, host: string, timedOut: boolean): CrosswindError {
  if (error instanceof CrosswindError) return error;
  if (timedOut) {
    return tookTooLong(host, error);
  }
  if (error instanceof DOMException && error.name === 'AbortError') {
    return cancelled(error);
  }
  return unreachable(host, error);
}
