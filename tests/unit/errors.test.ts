import { describe, expect, it } from 'vitest';
import {
  CrosswindError,
  deserializeError,
  retryAtFromHeaders,
  serializeError,
  toCrosswindError,
  unreachable,
  webPageInstead,
} from '@/utils/errors';

describe('errors', () => {
  it('round-trips through plain data with kind, message and retry facts', () => {
    const error = new CrosswindError('rate-limit', 'Slow down', { status: 429, retryAt: 1234 });
    const data = serializeError(error);
    expect(data).toEqual({
      kind: 'rate-limit',
      message: 'Slow down',
      retryable: true,
      status: 429,
      retryAt: 1234,
    });
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
    const rebuilt = deserializeError(data);
    expect(rebuilt).toBeInstanceOf(CrosswindError);
    expect(rebuilt.kind).toBe('rate-limit');
    expect(rebuilt.retryAt).toBe(1234);
  });

  it.each([
    ['auth', false],
    ['validation', false],
    ['network', true],
    ['server', true],
    ['rate-limit', true],
  ] as const)('%s errors are retryable: %s', (kind, retryable) => {
    expect(new CrosswindError(kind, 'x').retryable).toBe(retryable);
  });

  it('maps fetch failures to network errors and aborts to cancelled', () => {
    expect(toCrosswindError(new TypeError('Failed to fetch')).kind).toBe('network');
    expect(toCrosswindError(new DOMException('stop', 'AbortError')).kind).toBe('cancelled');
    const odd = toCrosswindError('boom');
    expect(odd.kind).toBe('server');
    expect(odd.message).toContain('boom');
  });

  it('reads the retry moment from every header servers use', () => {
    const now = 1_700_000_000_000;
    expect(retryAtFromHeaders(new Headers({ 'Retry-After': '30' }), now)).toBe(now + 30_000);
    expect(
      retryAtFromHeaders(new Headers({ 'X-RateLimit-Reset': '2030-01-01T00:00:00.000Z' }), now),
    ).toBe(Date.parse('2030-01-01T00:00:00.000Z'));
    expect(retryAtFromHeaders(new Headers({ 'RateLimit-Reset': '1900000000' }), now)).toBe(
      1_900_000_000_000,
    );
    expect(retryAtFromHeaders(new Headers({ 'RateLimit-Reset': '60' }), now)).toBe(now + 60_000);
    expect(retryAtFromHeaders(new Headers(), now)).toBeUndefined();
  });
});

describe('errors in words, whatever was thrown', () => {
  it('never shows a raw parser message, an empty host, or a timeout as a cancellation', () => {
    let parseError: unknown;
    try {
      JSON.parse('<html>');
    } catch (error) {
      parseError = error;
    }
    expect(toCrosswindError(parseError)).toMatchObject({
      kind: 'server',
      message: 'The server sent an answer Crosswind cannot read.',
    });
    expect(unreachable('').message).toBe(
      'Could not reach the server. Check the address and your connection.',
    );
    const timeout = new DOMException('The operation timed out.', 'TimeoutError');
    expect(toCrosswindError(timeout)).toMatchObject({ kind: 'network', retryable: true });
  });

  it('names a web page where the API was expected, with its status', () => {
    expect(webPageInstead('example.social', 502)).toMatchObject({
      kind: 'server',
      status: 502,
      retryable: true,
      message: 'example.social answered with a web page instead of the API (error 502).',
    });
    expect(webPageInstead('example.social', 200).message).toBe(
      'example.social answered with a web page instead of the API.',
    );
  });
});
