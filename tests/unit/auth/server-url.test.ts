import { describe, expect, it, vi } from 'vitest';
import {
  assertSecureTransport,
  fetchOnlyTo,
  normalizeServerUrl,
  secureFetch,
} from '@/utils/auth/server-url';

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

describe('assertSecureTransport', () => {
  it.each([
    'https://pds.example',
    'http://127.0.0.1:2583',
    'http://localhost:3000',
    'http://[::1]:80',
  ])('lets secrets go to %s', (address) => {
    expect(assertSecureTransport(address).href).toBe(new URL(address).href);
  });

  it.each(['http://pds.example', 'http://10.0.0.2', 'ftp://pds.example', 'ws://pds.example'])(
    'refuses %s, saying why and that nothing was sent',
    (address) => {
      expect(() => assertSecureTransport(address, 'Bluesky server')).toThrow(
        `Your Bluesky server is named as ${new URL(address).origin}, which is not a secure (https://) address. Crosswind sends passwords and tokens only over https (plain http only on this computer), so nothing was sent.`,
      );
    },
  );

  it('refuses before fetching, whatever form the address takes', async () => {
    const base = vi.fn(async () => new Response('{}'));
    const guarded = secureFetch('server', base);
    await expect(guarded('http://pds.example/xrpc/x')).rejects.toMatchObject({
      kind: 'validation',
    });
    await expect(guarded(new URL('http://pds.example/'))).rejects.toMatchObject({
      kind: 'validation',
    });
    await expect(guarded(new Request('http://pds.example/'))).rejects.toMatchObject({
      kind: 'validation',
    });
    expect(base).not.toHaveBeenCalled();
    await guarded('https://pds.example/xrpc/x');
    expect(base).toHaveBeenCalledTimes(1);
  });

  it('keeps a bound client on its own server', async () => {
    const base = vi.fn(async () => new Response('{}'));
    const bound = fetchOnlyTo('https://pds.example', '@alice', base);
    await bound('https://pds.example/xrpc/com.atproto.server.getSession');
    await expect(bound('https://elsewhere.example/xrpc/x')).rejects.toMatchObject({
      kind: 'auth',
      message:
        '@alice was connected on pds.example, but that server now sends Crosswind to elsewhere.example. Crosswind sends a login only to the server that issued it, so nothing was sent: reconnect the account.',
    });
    expect(base).toHaveBeenCalledTimes(1);
  });
});
