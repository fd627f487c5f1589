import { describe, expect, it } from 'vitest';
import { MISSKEY_MAX_CW, countMisskey } from '@/utils/text/misskey';
import { THREADS_MAX_LINKS, countThreads, countThreadsLinks } from '@/utils/text/threads';

describe('countThreads', () => {
  it.each<[string, string, number]>([
    ['empty text', '', 0],
    ['plain ASCII', 'Hello, world!', 13],
    // Meta: "Emojis are counted as the number of UTF-8 bytes".
    ['emoji', '👍', 4],
    ['emoji with skin tone', '👍🏽', 8],
    ['ZWJ family', '👨‍👩‍👧‍👦', 25],
    ['flag', '🇫🇷', 8],
    ['keycap', '1️⃣', 7],
    ['emoji-styled heart', '❤️', 6],
    ['text-styled symbol', '©', 1],
    ['combining mark', 'e\u0301', 1],
    ['CJK', '日本語', 3],
    ['Arabic', 'مرحبا', 5],
    ['Hebrew', 'שלום', 4],
    ['URL counted as typed', 'https://example.com/x', 21],
  ])('%s', (_name, text, expected) => {
    expect(countThreads(text)).toBe(expected);
  });
});

describe('countThreadsLinks', () => {
  it.each<[string, string, number]>([
    ['no links', 'just words, no links', 0],
    ['one URL', 'see https://example.com/x', 1],
    ['bare domain counts', 'www.facebook.com', 1],
    ['same URL twice counts once', 'https://a.example.com https://a.example.com', 1],
    ['five distinct', 'a.com b.com c.com d.com e.com', 5],
    ['six distinct', 'a.com b.com c.com d.com e.com f.com', 6],
    ['email is not a link', 'me@example.com', 0],
  ])('%s', (_name, text, expected) => {
    expect(countThreadsLinks(text)).toBe(expected);
  });

  it('caps at five by default', () => {
    expect(THREADS_MAX_LINKS).toBe(5);
  });
});

describe('countMisskey', () => {
  it.each<[string, string, number]>([
    ['empty text', '', 0],
    ['plain ASCII', 'Hello, world!', 13],
    // ajv's maxLength counts code points: astral characters once, sequences per code point.
    ['emoji', '👍', 1],
    ['emoji with skin tone', '👍🏽', 2],
    ['ZWJ family', '👨‍👩‍👧‍👦', 7],
    ['flag', '🇫🇷', 2],
    ['combining mark', 'e\u0301', 2],
    ['CJK', '日本語', 3],
    ['Arabic', 'مرحبا', 5],
    ['Hebrew', 'שלום', 4],
    ['URL counted as typed', 'https://example.com/x', 21],
    ['surrounding spaces count (checked before trimming)', '  hi  ', 6],
  ])('%s', (_name, text, expected) => {
    expect(countMisskey(text)).toBe(expected);
  });

  it('caps a content warning at 100', () => {
    expect(MISSKEY_MAX_CW).toBe(100);
  });
});
