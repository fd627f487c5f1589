import { describe, expect, it } from 'vitest';
import { countableText, statusLength } from './count';

// Expectations follow Mastodon's StatusLengthValidator with twitter-text's extractor.

describe('statusLength', () => {
  it.each([
    ['hello', 5],
    ['', 0],
    ['   \n\t ', 0],
    ['é', 1],
    ['e\u0301', 1],
    ['👩‍👩‍👧‍👦', 1],
    ['🇫🇷🇩🇪', 2],
    ['日本語', 3],
  ])('counts %j as %i grapheme clusters', (text, expected) => {
    expect(statusLength(text)).toBe(expected);
  });

  it('counts every URL with a protocol as 23 characters, however long', () => {
    const long = `https://example.com/${'a'.repeat(200)}?q=1`;
    expect(statusLength(`read ${long} now`)).toBe(5 + 23 + 4);
    expect(statusLength('http://t.co')).toBe(23);
    expect(statusLength('gemini://example.org/page')).toBe(23);
  });

  it('leaves URLs without a protocol or a known top-level domain as text', () => {
    expect(statusLength('example.com')).toBe(11);
    expect(statusLength('http://localhost:3000/abc')).toBe(25);
    expect(countableText('see http://127.0.0.1/x')).toBe('see http://127.0.0.1/x');
  });

  it('keeps trailing punctuation out of a URL', () => {
    expect(countableText('(https://example.com/path).')).toBe(`(${'x'.repeat(23)}).`);
    expect(countableText('https://en.wikipedia.org/wiki/Primer_(film)!')).toBe(
      `${'x'.repeat(23)}!`,
    );
  });

  it('counts @user@domain as @user', () => {
    expect(countableText('hi @alice@mastodon.social!')).toBe('hi @alice!');
    expect(statusLength('@bob@example.org')).toBe(4);
    expect(statusLength('@bob')).toBe(4);
  });

  it('does not treat an email address as a mention', () => {
    expect(countableText('mail bob@example.org')).toBe('mail bob@example.org');
  });

  it('adds the content warning to the text', () => {
    expect(statusLength('body', 'CW')).toBe(6);
    expect(statusLength('https://example.com', 'spoiler')).toBe(7 + 23);
  });

  it('uses the configured URL length', () => {
    expect(statusLength('https://example.com/x', '', 40)).toBe(40);
  });

  // Ruby 3.4 on a current Mastodon: Unicode 15.0 clusters (no Indic conjunct rule, GB9c),
  // [[:word:]] around mentions, fast_blank, and Onigmo's full case folding in the TLD regex.
  it.each([
    ['क्ष', 2],
    ['क्षत्रिय', 5],
    ['নক্ষত্র', 5],
    ['\u0995\u200D\u09CD\u09B7', 2],
    ['ก่ำ', 1],
    ['Ⓐ@bob@example.org x', 19],
    ['@bob@exampleⅫ.org', 4],
    ['\u3000', 1],
    ['\u00A0 \u00A0', 3],
    ['https://example.swiß/a/long/path/here', 23],
    ['https://shop.o\uFB03ce/x', 23],
    ['\u00DFb://example.com/feed/entry', 23],
  ])('counts %j as %i, as the Ruby server does', (text, expected) => {
    expect(statusLength(text)).toBe(expected);
  });
});
