import { describe, expect, it } from 'vitest';
import { linkShareText, pageShareText, selectionCutNote } from '@/utils/capture/share-text';
import type { PageTemplate } from '@/utils/capture/template';

const page = { title: 'A Story', url: 'https://news.example/story' };
const untitled = { title: '', url: 'https://news.example/story' };

describe('pageShareText', () => {
  it.each<[string, { title: string; url: string }, PageTemplate, string | undefined, string]>([
    [
      'title-url without a selection',
      page,
      'title-url',
      undefined,
      'A Story\nhttps://news.example/story',
    ],
    ['url without a selection', page, 'url', undefined, 'https://news.example/story'],
    [
      'quote-url without a selection falls back to title and link',
      page,
      'quote-url',
      undefined,
      'A Story\nhttps://news.example/story',
    ],
    [
      'title-url quotes the selection, then keeps title and link',
      page,
      'title-url',
      'Words worth quoting.',
      '“Words worth quoting.”\n\nA Story\nhttps://news.example/story',
    ],
    [
      'url quotes the selection, then the link',
      page,
      'url',
      'Words worth quoting.',
      '“Words worth quoting.”\n\nhttps://news.example/story',
    ],
    [
      'quote-url quotes the selection, then the link',
      page,
      'quote-url',
      'Words worth quoting.',
      '“Words worth quoting.”\n\nhttps://news.example/story',
    ],
    [
      'a multi-line selection stays one quote with its breaks',
      page,
      'url',
      'Line one\n\nLine two',
      '“Line one\n\nLine two”\n\nhttps://news.example/story',
    ],
    [
      'an already quoted selection is not quoted twice',
      page,
      'quote-url',
      '«Déjà cité»',
      '«Déjà cité»\n\nhttps://news.example/story',
    ],
    ['a blank selection is no selection', page, 'url', '  \n ', 'https://news.example/story'],
    ['title-url with an empty title', untitled, 'title-url', undefined, untitled.url],
    ['quote-url with an empty title', untitled, 'quote-url', undefined, untitled.url],
    [
      'title-url with an empty title and a selection',
      untitled,
      'title-url',
      'Quote',
      '“Quote”\n\nhttps://news.example/story',
    ],
    [
      'padding around title and link is dropped',
      { title: '  A Story ', url: ' https://news.example/story\n' },
      'url',
      'Quote',
      '“Quote”\n\nhttps://news.example/story',
    ],
    [
      'a selection on a page with no address',
      { title: 'Notes', url: '' },
      'url',
      'Quote',
      '“Quote”',
    ],
    [
      'a selection on a page with no address, title-url',
      { title: 'Notes', url: '' },
      'title-url',
      'Quote',
      '“Quote”\n\nNotes',
    ],
  ])('%s', (_name, meta, template, selection, expected) => {
    expect(pageShareText(meta, template, selection)).toBe(expected);
  });

  it('puts the quote first whatever the template', () => {
    for (const template of ['title-url', 'url', 'quote-url'] as const) {
      expect(pageShareText(page, template, 'Q').startsWith('“Q”\n\n')).toBe(true);
    }
  });
});

describe('linkShareText', () => {
  const url = 'https://other.example/article';

  it.each<[string, string, string]>([
    ['the link text, then the address', 'Read the article', `Read the article\n${url}`],
    [
      'padding around the link text is dropped',
      '  Read the article \n',
      `Read the article\n${url}`,
    ],
    ['a label that is the address itself is not repeated', url, url],
    ['a label that is the address with padding is not repeated', `  ${url}  `, url],
    ['an empty label', '', url],
    ['a whitespace label', ' \n\t ', url],
  ])('%s', (_name, linkText, expected) => {
    expect(linkShareText(url, linkText)).toBe(expected);
  });
});

describe('selectionCutNote', () => {
  it('names the limit and what to check', () => {
    expect(selectionCutNote()).toContain('2,000 characters');
    expect(selectionCutNote()).toContain('Check where it ends');
  });
});
