import { describe, expect, it } from 'vitest';
import { cardOf, linkKey, sameLink } from '@/utils/capture/link-card';
import type { PageMetadata } from '@/utils/capture/types';

describe('cardOf', () => {
  it.each<[string, PageMetadata | undefined]>([
    ['no metadata', undefined],
    ['metadata without an address', { url: '', title: 'Local notes', description: 'x' }],
  ])('gives no card for %s', (_name, meta) => {
    expect(cardOf(meta)).toBeUndefined();
  });

  it('gives an empty description when the page has none, and no image fields', () => {
    const card = cardOf({ url: 'https://site.example/a', title: 'A' });
    expect(card).toEqual({ url: 'https://site.example/a', title: 'A', description: '' });
    expect(card).not.toHaveProperty('image');
    expect(card).not.toHaveProperty('imageAlt');
  });

  it('copies description, image and alt, but not the site name', () => {
    expect(
      cardOf({
        url: 'https://site.example/a',
        title: 'A',
        description: 'About A',
        image: 'https://cdn.site.example/a.png',
        imageAlt: 'A chart',
        siteName: 'Site',
      }),
    ).toEqual({
      url: 'https://site.example/a',
      title: 'A',
      description: 'About A',
      image: 'https://cdn.site.example/a.png',
      imageAlt: 'A chart',
    });
  });

  it('leaves out an image alt that is empty', () => {
    const card = cardOf({
      url: 'https://site.example/a',
      title: 'A',
      image: 'https://cdn.site.example/a.png',
      imageAlt: '',
    });
    expect(card).toEqual({
      url: 'https://site.example/a',
      title: 'A',
      description: '',
      image: 'https://cdn.site.example/a.png',
    });
  });
});

describe('sameLink', () => {
  it.each<[string, string, string, boolean]>([
    ['the same address', 'https://site.example/a', 'https://site.example/a', true],
    ['http and https', 'http://site.example/a', 'https://site.example/a', true],
    ['with and without www.', 'https://www.site.example/a', 'https://site.example/a', true],
    ['a trailing slash', 'https://site.example/a/', 'https://site.example/a', true],
    ['a bare host and its root', 'https://site.example', 'https://site.example/', true],
    ['a fragment', 'https://site.example/a#part-2', 'https://site.example/a', true],
    [
      'a trailing slash before the query',
      'https://site.example/a/?p=2',
      'https://site.example/a?p=2',
      true,
    ],
    ['host case', 'https://Site.EXAMPLE/a', 'https://site.example/a', true],
    ['default ports', 'https://site.example:443/a', 'https://site.example/a', true],
    ['the same query', 'https://site.example/a?id=1', 'https://site.example/a?id=1', true],
    ['a different query', 'https://site.example/a?id=1', 'https://site.example/a?id=2', false],
    ['a query against none', 'https://site.example/watch?v=x', 'https://site.example/watch', false],
    ['query order', 'https://site.example/a?x=1&y=2', 'https://site.example/a?y=2&x=1', false],
    ['path case', 'https://site.example/About', 'https://site.example/about', false],
    ['another host', 'https://site.example/a', 'https://other.example/a', false],
    ['a subdomain other than www', 'https://blog.site.example/a', 'https://site.example/a', false],
    ['another port', 'https://site.example:8443/a', 'https://site.example/a', false],
    ['another path', 'https://site.example/a', 'https://site.example/b', false],
  ])('%s: %s vs %s', (_name, a, b, expected) => {
    expect(sameLink(a, b)).toBe(expected);
    expect(sameLink(b, a)).toBe(expected);
  });

  it.each(['not a link', '', 'site.example/a', '//site.example/a'])(
    'never matches %j, not even with itself',
    (text) => {
      expect(linkKey(text)).toBeUndefined();
      expect(sameLink(text, text)).toBe(false);
      expect(sameLink(text, 'https://site.example/a')).toBe(false);
      expect(sameLink('https://site.example/a', text)).toBe(false);
    },
  );
});

describe('linkKey', () => {
  it('keeps host, path and query, and nothing else', () => {
    expect(linkKey('http://www.site.example/a/b/?q=1#top')).toBe('site.example/a/b?q=1');
  });
});
