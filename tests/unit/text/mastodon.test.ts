import { describe, expect, it } from 'vitest';
import { countMastodon, type MastodonCountOptions } from '@/utils/text/mastodon';

const LONG_URL = 'https://example.com/a/very/long/path/that/keeps/going?and=query#frag';

describe('countMastodon', () => {
  it.each<[string, string, MastodonCountOptions, number]>([
    ['empty text', '', {}, 0],
    ['plain ASCII', 'Hello, world!', {}, 13],
    ['emoji with skin tone', '👍🏽', {}, 1],
    ['ZWJ family', '👨‍👩‍👧‍👦', {}, 1],
    ['flag', '🇫🇷', {}, 1],
    ['combining mark', 'e\u0301', {}, 1],
    ['CJK', '日本語のテキスト', {}, 8],
    ['Arabic', 'مرحبا بالعالم', {}, 13],
    ['Hebrew', 'שלום עולם', {}, 9],
    ['long URL', LONG_URL, {}, 23],
    ['short URL still costs 23', 'https://x.co', {}, 23],
    ['URL with balanced parentheses', 'Read https://en.wikipedia.org/wiki/Foo_(bar).', {}, 29],
    ['URL in parentheses', '(https://example.com/a/b/c/d)', {}, 25],
    ['URL with query string', 'https://example.com/search?q=a+very+long+query&page=2', {}, 23],
    ['URL with fragment', 'https://example.com/docs#a-very-long-fragment-name', {}, 23],
    ['IDN host', 'https://bücher.de/katalog/seite', {}, 23],
    ['unknown TLD is plain text', 'https://bücher.example/katalog/seite', {}, 36],
    ['no scheme is plain text', 'example.com/a/very/long/path/indeed', {}, 35],
    ['URL at start and end', 'https://example.com/x is at https://example.org/y', {}, 53],
    ['two URLs', 'https://a.example.com/1 https://b.example.org/2', {}, 47],
    ['trailing punctuation', 'https://example.com/post!', {}, 24],
    ['gemini link', 'gemini://example.com/capsule/index.gmi', {}, 23],
    ['reserved per URL from the server', 'https://x.co', { charactersReservedPerUrl: 30 }, 30],
    ['remote mention', '@alice@mastodon.social hello', {}, 12],
    ['local mention', '@alice hello', {}, 12],
    ['mention with subdomain', 'cc @bob@social.example.org.', {}, 8],
    ['email address', 'me@example.com', {}, 14],
    ['IDN mention domain', '@alice@exämple.de', {}, 6],
    ['mention running into ://', '@bob@example.org://x', {}, 20],
    ['mention running into an accent', '@usér', {}, 5],
    ['email and mention', 'mail me@example.com or @bob@example.org', {}, 27],
    ['mention inside URL', 'https://mastodon.social/@alice@mastodon.social', {}, 23],
    ['hashtags next to punctuation', '#tag, #other! (#crosswind)', {}, 26],
    ['hashtag glued to URL', '#tag https://example.com/a/b/c', {}, 28],
    ['leading and trailing spaces stripped', '  hello  \n', {}, 5],
    ['no-break space is not stripped', '\u00A0hi', {}, 3],
    ['white space only', ' \n\t ', {}, 0],
    ['ideographic space only', '\u3000', {}, 0],
    ['spoiler counted', 'body', { spoilerText: 'CW' }, 6],
    ['spoiler stripped', 'body', { spoilerText: '  CW \n' }, 6],
    ['spoiler with blank text', '   ', { spoilerText: 'CW' }, 2],
    ['URL in spoiler is not discounted', 'x', { spoilerText: 'https://example.com/a/b' }, 24],
    // Spoiler and text are joined with nothing between, then counted: two halves of a flag merge.
    ['spoiler and text joined', '\u{1F1F7}', { spoilerText: '\u{1F1EB}' }, 1],
  ])('%s', (_name, text, options, expected) => {
    expect(countMastodon(text, options)).toBe(expected);
  });

  it('works without options', () => {
    expect(countMastodon('https://example.com/' + 'a'.repeat(100))).toBe(23);
  });
});
