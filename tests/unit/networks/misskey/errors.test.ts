import { describe, expect, it } from 'vitest';
import { fromMisskeyAnswer, readApiError } from '@/utils/networks/misskey/errors';

const HOST = 'misskey.example';

function answer(
  status: number,
  error: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return fromMisskeyAnswer(status, { error }, new Headers(headers), HOST);
}

describe('Misskey errors in words a person understands', () => {
  it.each<[string, number, Record<string, unknown>, string, RegExp]>([
    [
      'no token',
      401,
      { code: 'CREDENTIAL_REQUIRED', message: 'Credential required.', kind: 'client' },
      'auth',
      /no longer accepts Crosswind’s access.*Reconnect/,
    ],
    [
      'revoked token',
      401,
      { code: 'AUTHENTICATION_FAILED', message: 'Authentication failed.', kind: 'client' },
      'auth',
      /Reconnect the account/,
    ],
    [
      'missing permission',
      403,
      { code: 'PERMISSION_DENIED', message: 'Your app does not have…', kind: 'permission' },
      'auth',
      /lacks a permission.*Reconnect/,
    ],
    [
      'suspended',
      403,
      {
        code: 'YOUR_ACCOUNT_SUSPENDED',
        message: 'Your account has been suspended.',
        kind: 'permission',
      },
      'auth',
      /account on misskey\.example is suspended/,
    ],
    [
      'text too long',
      400,
      {
        code: 'INVALID_PARAM',
        message: 'Invalid param.',
        info: {
          param: '#/then/properties/text/maxLength',
          reason: 'must NOT have more than 3000 characters',
        },
      },
      'validation',
      /text is longer than the 3000 characters/,
    ],
    [
      'content warning too long',
      400,
      {
        code: 'INVALID_PARAM',
        message: 'Invalid param.',
        info: {
          param: '#/properties/cw/maxLength',
          reason: 'must NOT have more than 100 characters',
        },
      },
      'validation',
      /content warning is longer than 100 characters/,
    ],
    [
      'alt text too long',
      400,
      {
        code: 'INVALID_PARAM',
        message: 'Invalid param.',
        info: {
          param: '#/properties/comment/maxLength',
          reason: 'must NOT have more than 512 characters',
        },
      },
      'validation',
      /alt text is longer than 512/,
    ],
    [
      'another bad param',
      400,
      {
        code: 'INVALID_PARAM',
        message: 'Invalid param.',
        info: {
          param: '#/properties/visibility/enum',
          reason: 'must be equal to one of the allowed values',
        },
      },
      'validation',
      /refused a value Crosswind sent \(“visibility: must be equal/,
    ],
    [
      'file gone',
      400,
      { code: 'NO_SUCH_FILE', message: 'Some files are not found.' },
      'validation',
      /no longer has an image/,
    ],
    [
      'reply target gone',
      400,
      { code: 'NO_SUCH_REPLY_TARGET', message: 'No such reply target.' },
      'validation',
      /thread cannot continue/,
    ],
    [
      'drive full',
      400,
      { code: 'NO_FREE_SPACE', message: 'Cannot upload…' },
      'validation',
      /drive on misskey\.example is full/,
    ],
    [
      'too large',
      413,
      { code: 'MAX_FILE_SIZE_EXCEEDED', message: 'Maximum upload size exceeded' },
      'validation',
      /larger than the server accepts/,
    ],
    [
      'Sharkey length',
      400,
      { code: 'MAX_LENGTH', message: 'You tried posting a note which is too long.' },
      'validation',
      /text is longer than it accepts/,
    ],
    [
      'internal error',
      500,
      { code: 'INTERNAL_ERROR', message: 'Internal error occurred.', kind: 'server' },
      'server',
      /had a problem \(error 500\)/,
    ],
  ])('%s', (_name, status, error, kind, words) => {
    const mapped = answer(status, error);
    expect(mapped.kind).toBe(kind);
    expect(mapped.message).toMatch(words);
    expect(mapped.status).toBe(status);
  });

  it('keeps the code for the log and the UI detail', () => {
    const mapped = answer(400, { code: 'NO_SUCH_FILE', message: 'Some files are not found.' });
    expect(mapped.detail).toBe('NO_SUCH_FILE: Some files are not found.');
    expect(mapped.retryable).toBe(false);
  });

  it('reads when to retry a RATE_LIMIT_EXCEEDED from Retry-After, else from info.resetMs', () => {
    const now = Date.now();
    const withHeader = answer(
      429,
      {
        code: 'RATE_LIMIT_EXCEEDED',
        message: 'Rate limit exceeded.',
        info: { resetMs: now + 999_000 },
      },
      { 'retry-after': '30' },
    );
    expect(withHeader.kind).toBe('rate-limit');
    expect(withHeader.retryable).toBe(true);
    expect(withHeader.retryAt! - now).toBeGreaterThanOrEqual(29_000);
    expect(withHeader.retryAt! - now).toBeLessThanOrEqual(31_000);
    const fromInfo = answer(429, {
      code: 'RATE_LIMIT_EXCEEDED',
      message: 'Rate limit exceeded.',
      info: { remaining: 0, resetMs: now + 60_000 },
    });
    expect(fromInfo.retryAt).toBe(now + 60_000);
    expect(fromInfo.message).toMatch(/too many requests/);
  });

  it('treats a proxy error page as server trouble and an unknown code plainly', () => {
    const proxy = fromMisskeyAnswer(502, undefined, new Headers(), HOST);
    expect(proxy.kind).toBe('server');
    expect(proxy.retryable).toBe(true);
    const unknown = answer(400, { code: 'SOMETHING_NEW', message: 'Something new.' });
    expect(unknown.message).toBe('misskey.example answered: “Something new. (SOMETHING_NEW)”');
  });

  it('reads only Misskey-shaped error bodies', () => {
    expect(readApiError({ error: 'Not Found' })).toBeUndefined();
    expect(readApiError({ error: { code: 'X', message: 'm', id: 'i', kind: 'client' } })).toEqual({
      code: 'X',
      message: 'm',
      id: 'i',
      kind: 'client',
    });
  });
});
