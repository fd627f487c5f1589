import { describe, expect, it } from 'vitest';
import { normalizeServerUrl } from '@/utils/auth/server-url';

describe('normalizeServerUrl', () => {
  it.each([
    ['mastodon.social', 'https://mastodon.social'],
    ['  https://fosstodon.org/  ', 'https://fosstodon.org'],
    ['https://hachyderm.io/about', 'https://hachyderm.io'],
    ['@me@hachyderm.io', 'https://hachyderm.io'],
    ['me@hachyderm.io', 'https://hachyderm.io'],
    ['HTTPS://Mastodon.Social', 'https://mastodon.social'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
    ['http://localhost:3000', 'http://localhost:3000'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeServerUrl(input)).toBe(expected);
  });

  it.each([
    ['', 'Enter the address of your server.'],
    ['   ', 'Enter the address of your server.'],
    [
      'http://example.com',
      'Use an https:// address for your server (plain http is only allowed on this computer).',
    ],
    ['not a server', '“not a server” is not a valid server address.'],
    ['mastodon', '“mastodon” is not a valid server address.'],
    [
      'ftp://example.com',
      'Use an https:// address for your server (plain http is only allowed on this computer).',
    ],
  ])('rejects %j with a clear message', (input, message) => {
    expect(() => normalizeServerUrl(input)).toThrow(message);
  });
});
