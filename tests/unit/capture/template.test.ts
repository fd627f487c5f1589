import { describe, expect, it } from 'vitest';
import { quoteForPost } from '@/utils/capture/selection';
import {
  composeFromPage,
  DEFAULT_PAGE_TEMPLATE,
  isPageTemplate,
  PAGE_TEMPLATES,
  type ComposeFromPageOptions,
} from '@/utils/capture/template';
import { t } from '@/utils/i18n/messages';

const meta = { title: 'A Story', url: 'https://news.example/story' };

describe('composeFromPage', () => {
  it.each<[string, { title: string; url: string }, ComposeFromPageOptions, string]>([
    ['title and link', meta, { template: 'title-url' }, 'A Story\nhttps://news.example/story'],
    ['link only', meta, { template: 'url' }, 'https://news.example/story'],
    ['link only ignores a quote', meta, { template: 'url', quote: '“x”' }, meta.url],
    [
      'quote and link',
      meta,
      { template: 'quote-url', quote: '“Words.”' },
      '“Words.”\n\nhttps://news.example/story',
    ],
    [
      'quote-url without a quote falls back to title and link',
      meta,
      { template: 'quote-url' },
      'A Story\nhttps://news.example/story',
    ],
    [
      'quote-url with a blank quote falls back too',
      meta,
      { template: 'quote-url', quote: '  \n ' },
      'A Story\nhttps://news.example/story',
    ],
    [
      'title-url ignores a quote',
      meta,
      { template: 'title-url', quote: '“x”' },
      'A Story\nhttps://news.example/story',
    ],
    ['no title', { title: '', url: meta.url }, { template: 'title-url' }, meta.url],
    ['no URL', { title: 'Local notes', url: '' }, { template: 'title-url' }, 'Local notes'],
    ['quote without URL', { title: 'T', url: '' }, { template: 'quote-url', quote: '“q”' }, '“q”'],
    ['nothing at all', { title: '', url: '' }, { template: 'title-url' }, ''],
  ])('%s', (_name, page, options, expected) => {
    expect(composeFromPage(page, options)).toBe(expected);
  });

  it('composes a quoted multi-line selection', () => {
    const quote = quoteForPost('First line\nSecond line');
    expect(composeFromPage(meta, { template: 'quote-url', quote })).toBe(
      '“First line\nSecond line”\n\nhttps://news.example/story',
    );
  });
});

describe('PAGE_TEMPLATES', () => {
  it('labels every template for the settings select', () => {
    // The table holds message keys; the select shows them through t().
    expect(PAGE_TEMPLATES.map((item) => ({ value: item.value, label: t(item.label) }))).toEqual([
      { value: 'title-url', label: 'Title and link' },
      { value: 'url', label: 'Link only' },
      { value: 'quote-url', label: 'Quote and link' },
    ]);
    expect(isPageTemplate(DEFAULT_PAGE_TEMPLATE)).toBe(true);
  });

  it.each<[unknown, boolean]>([
    ['title-url', true],
    ['url', true],
    ['quote-url', true],
    ['title', false],
    [undefined, false],
    [42, false],
  ])('isPageTemplate(%j) is %s', (value, expected) => {
    expect(isPageTemplate(value)).toBe(expected);
  });
});
