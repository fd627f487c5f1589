import { describe, expect, it } from 'vitest';
import { countNote, countingFor } from '@/utils/networks/misskey/text';
import { fromMisskeyVisibility, toMisskeyVisibility } from '@/utils/networks/misskey/visibility';
import { parseMisskeyAddress } from '@/utils/networks/misskey/address';

describe('counting a note as the server does', () => {
  it.each<[string, string, number, number]>([
    // [name, text, code points (Misskey, Firefish, Iceshrimp), UTF-16 units (Sharkey)]
    ['ASCII', 'Hello', 5, 5],
    ['emoji', '😀', 1, 2],
    ['skin tone', '👍🏽', 2, 4],
    ['ZWJ family', '👨‍👩‍👧‍👦', 7, 11],
    ['CJK', '日本語', 3, 3],
    ['surrounding spaces count', '  hi  ', 6, 6],
  ])('%s', (_name, text, codePoints, units) => {
    expect(countNote(text, 'code-points')).toBe(codePoints);
    expect(countNote(text, 'utf16')).toBe(units);
  });

  it('uses code points where ajv checks the length, UTF-16 units on Sharkey and unknown forks', () => {
    expect(countingFor('misskey')).toBe('code-points');
    expect(countingFor('Firefish')).toBe('code-points');
    expect(countingFor('iceshrimp')).toBe('code-points');
    expect(countingFor('sharkey')).toBe('utf16');
    expect(countingFor('somethingkey')).toBe('utf16');
    expect(countingFor(undefined)).toBe('utf16');
  });
});

describe('visibility', () => {
  it('maps the composer visibilities to Misskey and back', () => {
    expect(toMisskeyVisibility(undefined)).toBe('public');
    expect(toMisskeyVisibility('public')).toBe('public');
    expect(toMisskeyVisibility('unlisted')).toBe('home');
    expect(toMisskeyVisibility('private')).toBe('followers');
    expect(toMisskeyVisibility('direct')).toBe('specified');
    for (const visibility of ['public', 'unlisted', 'private', 'direct'] as const) {
      expect(fromMisskeyVisibility(toMisskeyVisibility(visibility))).toBe(visibility);
    }
  });
});

describe('server address', () => {
  it.each<[string, string, string | undefined]>([
    ['misskey.io', 'https://misskey.io', undefined],
    ['https://misskey.io/', 'https://misskey.io', undefined],
    ['@me@misskey.io', 'https://misskey.io', 'me'],
    ['me@sharkey.example', 'https://sharkey.example', 'me'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000', undefined],
  ])('%s', (input, origin, username) => {
    const address = parseMisskeyAddress(input);
    expect(address.origin).toBe(origin);
    expect(address.username).toBe(username);
  });

  it('refuses plain http to another computer and nonsense', () => {
    expect(() => parseMisskeyAddress('http://misskey.io')).toThrow(/https/);
    expect(() => parseMisskeyAddress('')).toThrow(/Enter the address/);
    expect(() => parseMisskeyAddress('not a server')).toThrow(/not a valid/);
  });
});
