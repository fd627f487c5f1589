import { describe, expect, it } from 'vitest';
import { VALID_URL_SOURCE } from '@/utils/text/twitter-regex';
import { scanValidUrls } from '@/utils/text/url-scan';
import { findMastodonUrls, findUrls } from '@/utils/text/urls';

const urlsOf = (text: string) => findUrls(text).map((found) => found.url);

describe('findUrls', () => {
  it.each<[string, string, string[]]>([
    ['empty text', '', []],
    ['plain text', 'nothing to see here.', []],
    [
      'balanced parentheses',
      'see https://en.wikipedia.org/wiki/Foo_(bar) now',
      ['https://en.wikipedia.org/wiki/Foo_(bar)'],
    ],
    [
      'parentheses mid-path',
      'https://example.com/wiki/A_(b)_c',
      ['https://example.com/wiki/A_(b)_c'],
    ],
    ['unbalanced closing paren', '(see https://example.com/post)', ['https://example.com/post']],
    [
      'query string',
      'https://example.com/search?q=crosswind&lang=en',
      ['https://example.com/search?q=crosswind&lang=en'],
    ],
    ['fragment', 'https://example.com/page#section-2', ['https://example.com/page#section-2']],
    ['query and fragment', 'https://example.com/a?b=c#d', ['https://example.com/a?b=c#d']],
    ['query after a bare host', 'https://example.com?ref=home', ['https://example.com?ref=home']],
    ['IDN host', 'https://bücher.de/katalog', ['https://bücher.de/katalog']],
    ['punycode host', 'https://xn--bcher-kva.de/', ['https://xn--bcher-kva.de/']],
    ['IDN TLD', 'https://пример.рф/путь', ['https://пример.рф/путь']],
    // twitter-text only accepts IANA TLDs from its list: .example never links on Mastodon.
    ['reserved TLD', 'https://bücher.example/', []],
    ['no TLD', 'https://localhost:8080/', []],
    ['IP address', 'https://192.168.0.1/', []],
    ['no scheme', 'example.com', []],
    ['no scheme with www', 'www.example.com/path', []],
    ['email address', 'me@example.com', []],
    ['other scheme', 'ftp://example.com/file', []],
    ['gemini is Mastodon-only', 'gemini://example.com/', []],
    ['http', 'http://example.com', ['http://example.com']],
    ['upper case', 'HTTPS://EXAMPLE.COM/Path', ['HTTPS://EXAMPLE.COM/Path']],
    ['port', 'https://example.com:8443/x', ['https://example.com:8443/x']],
    ['glued to a word', 'xhttps://example.com', []],
    ['glued to CJK', '日本語のリンクhttps://example.jp/パス を見て', ['https://example.jp/パス']],
    ['t.co keeps only its slug', 'https://t.co/abc123/more', ['https://t.co/abc123']],
    ['at start', 'https://example.com is great', ['https://example.com']],
    ['at end', 'Read this: https://example.com', ['https://example.com']],
    [
      'two URLs',
      'https://a.example.com/1 and https://b.example.org/2',
      ['https://a.example.com/1', 'https://b.example.org/2'],
    ],
    ['comma-joined URLs', 'https://x.com,https://y.com', ['https://x.com', 'https://y.com']],
    ['trailing slash kept', 'https://example.com/path/', ['https://example.com/path/']],
    // Mastodon's path-ending class excludes 「」 but not the ideographic full stop.
    ['ideographic full stop kept', '見て https://example.com/x。', ['https://example.com/x。']],
    ['tilde not ending', 'https://example.com/foo~', ['https://example.com/foo']],
  ])('%s', (_name, text, expected) => {
    expect(urlsOf(text)).toEqual(expected);
  });

  it.each(['.', ',', ':', ';', '!', '?', "'", '"', ')', '...', '?!'])(
    'leaves trailing %j out',
    (punctuation) => {
      expect(urlsOf(`Read https://example.com/post${punctuation}`)).toEqual([
        'https://example.com/post',
      ]);
    },
  );

  it.each([
    ['plain', 'Read https://example.com/x now'],
    ['emoji before', '👍🏽 https://example.com/x'],
    ['family before', '👨‍👩‍👧‍👦 and https://example.com/x'],
    ['CJK before', '日本語 https://example.com/x です'],
    ['RTL before', 'مرحبا https://example.com/x'],
    ['glued to an emoji', '👍🏽https://example.com/x'],
  ])('gives UTF-16 offsets (%s)', (_name, text) => {
    const [found] = findUrls(text);
    expect(found).toBeDefined();
    expect(text.slice(found!.start, found!.end)).toBe('https://example.com/x');
    expect(found!.url).toBe('https://example.com/x');
  });

  it('finds the other schemes Mastodon links', () => {
    expect(
      findMastodonUrls('gemini://example.com/ and ipfs://example.org/x').map((u) => u.url),
    ).toEqual(['gemini://example.com/', 'ipfs://example.org/x']);
  });

  it('refuses a URL whose label is longer than 63 characters', () => {
    expect(urlsOf(`https://${'a'.repeat(64)}.com/`)).toEqual([]);
    expect(urlsOf(`https://${'a'.repeat(63)}.com/`)).toHaveLength(1);
  });
});

// A small PRNG so the comparison is random-looking but the same on every run.
function* random(seed: number) {
  let state = seed;
  for (;;) {
    state = (state * 1103515245 + 12345) % 2147483648;
    yield state / 2147483648;
  }
}

describe('scanValidUrls', () => {
  const pieces = [
    'a',
    'b1',
    '.',
    '.com',
    '.jp',
    'https://',
    'http://',
    'gemini://',
    '/',
    '(',
    ')',
    '日本',
    '-',
    '_',
    ' ',
    '?',
    '=',
    '#',
    '@',
    ':',
    'x.co',
    'é',
    '。',
    '\n',
    '.рф',
    'www',
    '~',
    '"',
    '👍',
    '𝐀',
    '🇫🇷',
  ];

  it('yields what a plain global scan of valid_url yields', () => {
    const rng = random(42);
    const next = () => rng.next().value ?? 0;
    for (let run = 0; run < 400; run++) {
      let text = '';
      const length = 1 + Math.floor(next() * 24);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      const naive = [...text.matchAll(new RegExp(VALID_URL_SOURCE, 'giu'))].map((m) => [
        m.index,
        m[0],
      ]);
      const fast = scanValidUrls(text).map((m) => [m.index, m[0]]);
      expect(fast, JSON.stringify(text)).toEqual(naive);
    }
  });
});
