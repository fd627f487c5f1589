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
    // fast_blank's String#blank? knows only ASCII white space: U+3000 is text (stripped: no).
    ['ideographic space only', '\u3000', {}, 1],
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

// Each case counted differently before: the counter followed the browser's rules, not Ruby's.
describe('countMastodon as a Ruby 3.4 Mastodon server counts', () => {
  it.each<[string, string, MastodonCountOptions, number]>([
    // Ruby 3.4 segments with Unicode 15.0's rules, which have no Indic conjunct rule (GB9c).
    ['Devanagari conjunct', '\u0915\u094D\u0937', {}, 2],
    ['Devanagari word', 'क्षत्रिय', {}, 5],
    ['Bengali conjunct', '\u0995\u09CD\u09B7\u09AE\u09BE', {}, 3],
    ['Bengali word', 'নক্ষত্র', {}, 5],
    ['Gujarati conjunct', '\u0AA8\u0ACD\u0AA4', {}, 2],
    // Unicode 15.0 data: a mark assigned in 16.0 (Garay) is an unassigned code point to Ruby.
    ['mark newer than Unicode 15.0', 'a\u{10D69}', {}, 2],
    // Account::MENTION_RE's [[:word:]] is Alphabetic + marks + digits + connectors.
    ['circled letter before @ is a word character', 'Ⓐ@bob@example.org x', {}, 19],
    ['Roman numeral before @ is a word character', 'Ⅻ@bob@example.org', {}, 17],
    ['Roman numeral in the mention domain', '@bob@exampleⅫ.org', {}, 4],
    ['squared letter in the mention domain', 'x @bob@\u{1F170}example.org', {}, 6],
    // fast_blank: only ASCII white space (and NUL) is blank.
    ['no-break spaces are not blank', '\u00A0\u00A0', {}, 2],
    ['ideographic space with a warning', '\u3000', { spoilerText: 'CW' }, 3],
    // PostStatusService: a blank text with a warning posts the warning as the text.
    [
      'warning alone becomes the text, its link discounted',
      ' ',
      { spoilerText: 'see https://example.com/a/very/long/path' },
      27,
    ],
    [
      'warning alone becomes the text, its mention shortened',
      '',
      { spoilerText: '@alice@example.org' },
      6,
    ],
    // twitter-text's TLD regex is case-insensitive in Onigmo, which folds ß to ss and ligatures.
    ['sharp s in a TLD', 'https://example.swiß/a/long/path/here', {}, 23],
    ['ligature in a country TLD', 'https://example.\uFB01/a/long/path/here', {}, 23],
    [
      'two ligature readings of one TLD',
      'https://shop.o\uFB03ce/x https://shop.of\uFB01ce/y',
      {},
      47,
    ],
    ['st ligature in a TLD', 'https://example.\uFB06ore/a/long/path', {}, 23],
    ['sharp s in the ssb scheme', '\u00DFb://example.com/feed/entry', {}, 23],
  ])('%s', (_name, text, options, expected) => {
    expect(countMastodon(text, options)).toBe(expected);
  });
});
