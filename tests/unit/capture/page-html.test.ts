// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPageMetadata } from '@/utils/capture/metadata';
import {
  MAX_HEAD_SCAN,
  readHeadEntriesFromHtml,
  readMetadataFromHtml,
} from '@/utils/capture/page-html';
import type { HeadEntry } from '@/utils/capture/types';
import { expectLinearGrowth } from '../support/scaling';
import { PAGE_FIXTURES } from './fixtures';

const page = 'https://site.example/post';
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('readMetadataFromHtml', () => {
  it.each(PAGE_FIXTURES)('$name', ({ html, pageUrl, expected }) => {
    expect(readMetadataFromHtml(html, pageUrl)).toEqual(expected);
  });

  it.each(PAGE_FIXTURES)('agrees with the DOM reader: $name', ({ html, pageUrl }) => {
    expect(readMetadataFromHtml(html, pageUrl)).toEqual(readPageMetadata(parse(html), pageUrl));
  });

  it('runs nothing from the page', () => {
    const html = `<head><script>globalThis.pwned = true</script>
<meta property="og:title" content="<img src=x onerror=&quot;globalThis.pwned=true&quot;>Title">
<meta property="og:image" content="javascript:globalThis.pwned=true"></head>`;
    expect(readMetadataFromHtml(html, page)).toEqual({ url: page, title: 'Title' });
    expect('pwned' in globalThis).toBe(false);
  });
});

function meta(key: string, value: string): HeadEntry {
  return { kind: 'meta', key, value };
}

describe('readHeadEntriesFromHtml', () => {
  it.each<[string, string, HeadEntry[]]>([
    ['unquoted values', '<meta name=description content=plain>', [meta('description', 'plain')]],
    [
      'unquoted value with & and =',
      '<meta property=og:url content=https://x.example/a?b=1&amp;c=2>',
      [meta('og:url', 'https://x.example/a?b=1&c=2')],
    ],
    [
      'single quotes around double quotes',
      `<meta name='description' content='say "hi"'>`,
      [meta('description', 'say "hi"')],
    ],
    [
      'spaces around =',
      '<meta name = "description"  content =  "spaced" >',
      [meta('description', 'spaced')],
    ],
    ['self-closing', '<meta name="description" content="x"/>', [meta('description', 'x')]],
    [
      'first duplicate attribute wins',
      '<meta name="description" content="first" content="second">',
      [meta('description', 'first')],
    ],
    [
      'valueless attributes',
      '<meta itemscope name=description content="v" hidden>',
      [meta('description', 'v')],
    ],
    ['no content attribute', '<meta name="description">', []],
    ['no key', '<meta content="orphan">', []],
    [
      'uppercase everything',
      '<META NAME="TWITTER:TITLE" CONTENT="Up">',
      [meta('twitter:title', 'Up')],
    ],
    [
      'entities in attributes decode once',
      '<meta name="d" content="&amp;lt;b&amp;gt; &#169; &eacute;">',
      [meta('d', '&lt;b&gt; © é')],
    ],
    [
      'title is text, not markup',
      '<title>A <b>bold</b> &amp; <meta name=x content=y> move</title>',
      [{ kind: 'title', value: 'A <b>bold</b> & <meta name=x content=y> move' }],
    ],
    [
      'end tags are case-insensitive',
      '<TITLE>T</Title ><SCRIPT>"<meta name=a content=b>"</SCRIPT ><meta name=c content=d>',
      [{ kind: 'title', value: 'T' }, meta('c', 'd')],
    ],
    [
      'empty comments',
      '<!--><meta name=a content=b><!---><meta name=c content=d>',
      [meta('a', 'b'), meta('c', 'd')],
    ],
    [
      'canonical among other rel tokens',
      '<link rel="alternate" href="/a"><link rel=" Canonical  me " href="/c">',
      [{ kind: 'canonical', value: '/c' }],
    ],
    ['link without href', '<link rel=canonical>', []],
    ['base', '<base href="/root/" target=_blank>', [{ kind: 'base', value: '/root/' }]],
    ['stops at </head>', '<meta name=a content=b></head><meta name=c content=d>', [meta('a', 'b')]],
    ['stops at <body>', '<meta name=a content=b><BODY><meta name=c content=d>', [meta('a', 'b')]],
    ['reads past stray tags in the head', '<div><meta name=a content=b></div>', [meta('a', 'b')]],
    [
      'unclosed tag at the end of input is ignored',
      '<meta name=a content=b><meta name=c content="d',
      [meta('a', 'b')],
    ],
    ['unclosed quote swallows the next tag', '<meta name=a content="b><meta name=c content=d>', []],
    [
      'unclosed title takes the rest of the page',
      '<title>Open <meta name=a content=b>',
      [{ kind: 'title', value: 'Open <meta name=a content=b>' }],
    ],
    ['unclosed script hides the rest', '<script>if (a<b) {<meta name=a content=b>', []],
    ['not a tag', '< meta name=a content=b> <3 <=', []],
    ['plain text', 'just some text, no html at all', []],
    ['empty', '', []],
  ])('%s', (_name, html, expected) => {
    expect(readHeadEntriesFromHtml(html)).toEqual(expected);
  });

  it(`reads at most ${MAX_HEAD_SCAN / 1024} KB`, () => {
    const padding = `<style>${' '.repeat(MAX_HEAD_SCAN)}</style>`;
    expect(
      readHeadEntriesFromHtml(`<meta name=a content=b>${padding}<meta name=c content=d>`),
    ).toEqual([meta('a', 'b')]);
    const justFits = '<meta name=a content=b>';
    const filler = ' '.repeat(MAX_HEAD_SCAN - justFits.length);
    expect(readHeadEntriesFromHtml(filler + justFits)).toEqual([meta('a', 'b')]);
    expect(readHeadEntriesFromHtml(`${filler} ${justFits}`)).toEqual([]);
  });

  it('takes time in proportion to hostile input, never more', () => {
    expectLinearGrowth((scale) => {
      const hostile = [
        '<a'.repeat(25_000 * scale),
        '<meta '.repeat(12_500 * scale),
        '<!--'.repeat(12_500 * scale),
        '<title>'.repeat(7_500 * scale),
        '<meta content="x" name="a">'.repeat(3_750 * scale),
        `<meta content=${'a'.repeat(75_000 * scale)}>`,
      ];
      return () => {
        for (const html of hostile) readMetadataFromHtml(html, page);
      };
    });
  });
});

// What a browser reads and the hand-written tokenizer did not: HTML5's full table of named
// references, legacy names without `;`, long and out-of-range numbers, comments closed by `--!>`.
describe('readHeadEntriesFromHtml, as the HTML spec tokenizes', () => {
  it.each<[string, string, HeadEntry[]]>([
    [
      'HTML5 named references in a title',
      '<title>a &NotEqualTilde; b &alpha;&beta; &check; &rarrw; &hellip;&mdash;</title>',
      [{ kind: 'title', value: 'a \u2242\u0338 b \u03B1\u03B2 \u2713 \u219D \u2026\u2014' }],
    ],
    [
      'HTML5 named references in an attribute',
      '<meta name=d content="&Gamma;&lambda; &NotEqualTilde; &bigstar;">',
      [meta('d', '\u0393\u03BB \u2242\u0338 \u2605')],
    ],
    [
      'legacy names without a semicolon in text',
      '<title>&copy 2024 AT&T &amp more</title>',
      [{ kind: 'title', value: '\u00A9 2024 AT&T & more' }],
    ],
    [
      'legacy names without a semicolon in attributes, unless = or a letter follows',
      '<meta name=d content="&copy 2024 ?a=1&copy=2 &copyx">',
      [meta('d', '\u00A9 2024 ?a=1&copy=2 &copyx')],
    ],
    ['unquoted value that is one reference', '<meta name=d content=&copy>', [meta('d', '\u00A9')]],
    [
      'numbers with many digits, out of range, and without a semicolon',
      '<meta name=d content="&#0000000065;&#99999999999;&#x000000041;&#128 &#x92;">',
      [meta('d', 'A\uFFFDA\u20AC \u2019')],
    ],
    ['comment closed by --!>', '<!--x--!><meta name=a content=b>', [meta('a', 'b')]],
    ['comment with -- inside', '<!-- a -- > b --><meta name=a content=b>', [meta('a', 'b')]],
    [
      'CDATA is a bogus comment in HTML',
      '<![CDATA[<meta name=a content=b>]]><meta name=c content=d>',
      [meta('c', 'd')],
    ],
    [
      'style text holds no tags',
      '<style>a::after{content:"<meta name=a content=b>"}</style><meta name=c content=d>',
      [meta('c', 'd')],
    ],
    [
      'script text holds no comments',
      '<script>x = "<!--"</script><meta name=c content=d>',
      [meta('c', 'd')],
    ],
    [
      'an SVG or noscript title is not the page title',
      '<svg><title>No</title></svg><noscript><title>No</title></noscript><title>Yes</title>',
      [{ kind: 'title', value: 'Yes' }],
    ],
  ])('%s', (_name, html, expected) => {
    expect(readHeadEntriesFromHtml(html)).toEqual(expected);
  });
});
