import { RichText } from '@atproto/api';
import { describe, expect, it } from 'vitest';
import {
  BLUESKY_MAX_BYTES,
  BLUESKY_MAX_GRAPHEMES,
  countBluesky,
  shortenBlueskyLinks,
} from '@/utils/text/bluesky';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The text each link facet covers, read back through the UTF-8 bytes as a Bluesky client would. */
function labelsOf(result: ReturnType<typeof shortenBlueskyLinks>): string[] {
  const bytes = encoder.encode(result.text);
  return result.links.map((link) => decoder.decode(bytes.slice(link.byteStart, link.byteEnd)));
}

/** The link URIs @atproto/api itself would put in facets for the raw text. */
function atprotoLinkUris(text: string): string[] {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  return (rich.facets ?? []).flatMap((facet) =>
    facet.features.flatMap((feature) =>
      feature.$type === 'app.bsky.richtext.facet#link' && 'uri' in feature
        ? [String(feature.uri)]
        : [],
    ),
  );
}

describe('Bluesky limits', () => {
  it('are the app.bsky.feed.post text caps', () => {
    expect(BLUESKY_MAX_GRAPHEMES).toBe(300);
    expect(BLUESKY_MAX_BYTES).toBe(3000);
  });
});

describe('countBluesky', () => {
  it.each<[string, string, number, number]>([
    ['empty text', '', 0, 0],
    ['plain ASCII', 'Hello, world!', 13, 13],
    ['emoji with skin tone', '👍🏽', 1, 8],
    ['ZWJ family', '👨‍👩‍👧‍👦', 1, 25],
    ['flag', '🇫🇷', 1, 8],
    ['combining mark', 'e\u0301', 1, 3],
    ['CJK', '日本語', 3, 9],
    ['Arabic', 'مرحبا', 5, 10],
    ['Hebrew', 'שלום', 4, 8],
    ['long link counted shortened', 'https://www.example.com/a/very/long/path/indeed', 31, 31],
    ['short link loses its scheme', 'https://example.com', 11, 11],
    ['bare domain left as typed', 'example.com/a/very/long/path/indeed', 35, 35],
    ['hashtags and mentions as typed', '#tag, @alice.bsky.social!', 25, 25],
  ])('%s', (_name, text, graphemes, bytes) => {
    expect(countBluesky(text)).toEqual({ graphemes, bytes });
  });
});

describe('shortenBlueskyLinks', () => {
  it.each<[string, string, string, string[], string[]]>([
    // [name, input, shortened text, facet labels, facet URIs]
    ['no links', 'no links here', 'no links here', [], []],
    ['bare host', 'https://example.com', 'example.com', ['example.com'], ['https://example.com']],
    [
      'root path dropped',
      'https://example.com/',
      'example.com',
      ['example.com'],
      ['https://example.com/'],
    ],
    [
      'short path kept',
      'https://example.com/short',
      'example.com/short',
      ['example.com/short'],
      ['https://example.com/short'],
    ],
    [
      'path of 15 kept',
      'https://example.com/abcdefghijklmn',
      'example.com/abcdefghijklmn',
      ['example.com/abcdefghijklmn'],
      ['https://example.com/abcdefghijklmn'],
    ],
    [
      'path of 16 cut',
      'https://example.com/abcdefghijklmno',
      'example.com/abcdefghijkl...',
      ['example.com/abcdefghijkl...'],
      ['https://example.com/abcdefghijklmno'],
    ],
    [
      'long URL with www',
      'https://www.example.com/a/very/long/path/indeed?x=1',
      'www.example.com/a/very/long/...',
      ['www.example.com/a/very/long/...'],
      ['https://www.example.com/a/very/long/path/indeed?x=1'],
    ],
    [
      'query and fragment',
      'https://example.com/?q=1#top',
      'example.com?q=1#top',
      ['example.com?q=1#top'],
      ['https://example.com/?q=1#top'],
    ],
    [
      'port kept',
      'https://example.com:8080/x',
      'example.com:8080/x',
      ['example.com:8080/x'],
      ['https://example.com:8080/x'],
    ],
    [
      'balanced parentheses',
      'https://en.wikipedia.org/wiki/Foo_(bar)',
      'en.wikipedia.org/wiki/Foo_(bar)',
      ['en.wikipedia.org/wiki/Foo_(bar)'],
      ['https://en.wikipedia.org/wiki/Foo_(bar)'],
    ],
    [
      'IDN host shown in punycode',
      'https://bücher.de/',
      'xn--bcher-kva.de',
      ['xn--bcher-kva.de'],
      ['https://bücher.de/'],
    ],
    [
      'bare domain',
      'example.com/some/very/long/path',
      'example.com/some/very/long/path',
      ['example.com/some/very/long/path'],
      ['https://example.com/some/very/long/path'],
    ],
    [
      'bare domain with www',
      'see www.example.com now',
      'see www.example.com now',
      ['www.example.com'],
      ['https://www.example.com'],
    ],
    ['upper-case TLD is no link', 'Example.COM', 'Example.COM', [], []],
    ['unknown TLD is no link', 'example.invalidtld', 'example.invalidtld', [], []],
    ['hyphenated bare domain is no link', 'my-site.com', 'my-site.com', [], []],
    ['email is no link', 'mail me@example.com', 'mail me@example.com', [], []],
    ['glued to a colon is no link', 'see:https://example.com', 'see:https://example.com', [], []],
    [
      'trailing full stop',
      'Read https://example.com/post.',
      'Read example.com/post.',
      ['example.com/post'],
      ['https://example.com/post'],
    ],
    [
      'trailing comma',
      'https://example.com/a, then',
      'example.com/a, then',
      ['example.com/a'],
      ['https://example.com/a'],
    ],
    [
      'only one trailing mark stripped',
      'Wow https://example.com/post!!',
      'Wow example.com/post!!',
      ['example.com/post!'],
      ['https://example.com/post!'],
    ],
    [
      'in parentheses',
      '(https://example.com/post)',
      '(example.com/post)',
      ['example.com/post'],
      ['https://example.com/post'],
    ],
    [
      'at start and end',
      'https://a.example.com/x and https://b.example.org',
      'a.example.com/x and b.example.org',
      ['a.example.com/x', 'b.example.org'],
      ['https://a.example.com/x', 'https://b.example.org'],
    ],
  ])('%s', (_name, input, text, labels, uris) => {
    const result = shortenBlueskyLinks(input);
    expect(result.text).toBe(text);
    expect(labelsOf(result)).toEqual(labels);
    expect(result.links.map((link) => link.uri)).toEqual(uris);
    expect(result.links.map((link) => link.uri)).toEqual(atprotoLinkUris(input));
  });

  it.each([
    ['emoji', '👍🏽 '],
    ['ZWJ family', '👨‍👩‍👧‍👦 '],
    ['flag', '🇫🇷 '],
    ['CJK', '日本語の記事 '],
    ['Arabic', 'اقرأ '],
    ['combining mark', 'e\u0301 '],
  ])('gives UTF-8 byte offsets after %s', (_name, before) => {
    const long = 'https://www.example.com/articles/2024/a-long-title';
    const longLabel = 'www.example.com/articles/202...';
    const short = 'https://example.org/x';
    const input = `${before}${long} and ${before}${short}.`;
    const result = shortenBlueskyLinks(input);
    const secondStart = `${before}${longLabel} and ${before}`;
    expect(result.text).toBe(`${secondStart}example.org/x.`);
    expect(result.links).toEqual([
      {
        byteStart: encoder.encode(before).length,
        byteEnd: encoder.encode(`${before}${longLabel}`).length,
        uri: long,
      },
      {
        byteStart: encoder.encode(secondStart).length,
        byteEnd: encoder.encode(`${secondStart}example.org/x`).length,
        uri: short,
      },
    ]);
    expect(labelsOf(result)).toEqual([longLabel, 'example.org/x']);
    expect(countBluesky(input).bytes).toBe(encoder.encode(result.text).length);
  });

  it.each([
    'a https://t.co x.com y.com',
    'https://x.com/a)',
    'https://example.com/(a)b).',
    '「https://example.jp/記事」を読んで',
    'line one\nhttps://example.com/x\nexample.org',
    'tabs\thttps://example.com/\tend',
    'foo.bar.baz.com/path?x=1;',
    'https://example.com/a?b=c#d!',
    'ex.ample.co.uk and sub.domain.io/x',
  ])('finds the links @atproto/api finds in %j', (input) => {
    expect(shortenBlueskyLinks(input).links.map((link) => link.uri)).toEqual(
      atprotoLinkUris(input),
    );
  });
});
