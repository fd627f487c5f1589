// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { capturePage, sanitizeCapture } from '@/utils/capture/capture-page';
import { TEXT_CAPS } from '@/utils/capture/sanitize';
import type { PageCapture } from '@/utils/capture/types';
import { countGraphemes } from '@/utils/text/graphemes';

const T0 = 1_700_000_000_000;
const PAGE_URL = 'https://news.example/2024/story?utm_source=feed';

const HEAD = `
  <title>Story – News Example</title>
  <link rel="canonical" href="https://news.example/2024/story">
  <meta property="og:title" content="The Story &amp;amp; Its <b>Aftermath</b>">
  <meta property="og:description" content="What happened,   and why.">
  <meta property="og:image" content="/img/card.jpg">
  <meta property="og:image:alt" content="A crowd at dusk">
  <meta property="og:site_name" content="News Example">`;

/** Selects from `start` characters into the first element's text to `end` into the last one's. */
function select(fromId: string, start: number, toId: string, end: number): Selection {
  const range = document.createRange();
  range.setStart(document.getElementById(fromId)!.firstChild!, start);
  range.setEnd(document.getElementById(toId)!.lastChild!, end);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

function selectAll(id: string): Selection {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById(id)!);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  return selection;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date'] });
  document.head.innerHTML = HEAD;
  document.body.innerHTML = '';
});
afterEach(() => vi.useRealTimers());

describe('capturePage', () => {
  it('reads the open page’s metadata, cleaned, with the image resolved against the page', () => {
    const capture = capturePage(document, PAGE_URL, null);
    expect(capture).toEqual({
      metadata: {
        url: 'https://news.example/2024/story',
        title: 'The Story & Its Aftermath',
        description: 'What happened, and why.',
        image: 'https://news.example/img/card.jpg',
        imageAlt: 'A crowd at dusk',
        siteName: 'News Example',
      },
      selection: '',
      selectionCut: false,
      capturedAt: T0,
    });
  });

  it('keeps the line breaks of a selection across two paragraphs and a <br>', () => {
    // happy-dom serializes a selection from its text nodes only (a browser also turns <br> and
    // block ends into line breaks), so the breaks are written into the markup's text here.
    document.body.innerHTML =
      '<p id="one">Skip this. First line   <br>\nsecond line</p>\n\n\n<p id="two">Third line. Not this.</p>';
    const capture = capturePage(document, PAGE_URL, select('one', 11, 'two', 11));
    expect(capture.selection).toBe('First line\nsecond line\n\nThird line.');
    expect(capture.selectionCut).toBe(false);
  });

  it('has no selection when nothing or only a caret is selected', () => {
    document.body.innerHTML = '<p id="p">Some text</p>';
    expect(capturePage(document, PAGE_URL, null)).toMatchObject({
      selection: '',
      selectionCut: false,
    });
    const range = document.createRange();
    range.setStart(document.getElementById('p')!.firstChild!, 3);
    const caret = window.getSelection()!;
    caret.removeAllRanges();
    caret.addRange(range);
    expect(capturePage(document, PAGE_URL, caret)).toMatchObject({
      selection: '',
      selectionCut: false,
    });
  });

  it.each<[string, number, boolean]>([
    ['exactly 2,000 graphemes is kept whole', TEXT_CAPS.selection, false],
    ['2,001 graphemes is cut', TEXT_CAPS.selection + 1, true],
    ['far more is cut', 5 * TEXT_CAPS.selection, true],
  ])('%s', (_name, length, cut) => {
    // Four UTF-16 units per grapheme: a cap counted in code units would cut far too early.
    document.body.innerHTML = `<p id="long">${'👍🏽'.repeat(length)}</p>`;
    const capture = capturePage(document, PAGE_URL, selectAll('long'));
    expect(capture.selectionCut).toBe(cut);
    expect(countGraphemes(capture.selection)).toBe(Math.min(length, TEXT_CAPS.selection));
    expect(capture.selection.endsWith('…')).toBe(cut);
  });

  it('gives an answer sanitizeCapture keeps as it is, even after crossing contexts', () => {
    document.body.innerHTML = '<p id="p">A quoted <em>passage</em>\nover two lines</p>';
    const capture = capturePage(document, PAGE_URL, selectAll('p'));
    const crossed: unknown = JSON.parse(JSON.stringify(capture));
    expect(sanitizeCapture(crossed)).toEqual(capture);
  });
});

/** A well-formed answer, with the given metadata fields replaced. */
function answer(metadata: Record<string, unknown>, rest: Record<string, unknown> = {}) {
  return {
    metadata: { url: 'https://site.example/page', title: 'Page title', ...metadata },
    selection: '',
    selectionCut: false,
    capturedAt: 42,
    ...rest,
  };
}

describe('sanitizeCapture', () => {
  it.each<[string, unknown]>([
    ['undefined', undefined],
    ['null', null],
    ['a string', '{"metadata":{}}'],
    ['a number', 7],
    ['a boolean', true],
    ['an object without metadata', { selection: 'text' }],
    ['null metadata', { metadata: null }],
    ['string metadata', { metadata: 'https://site.example/' }],
    ['numeric metadata', { metadata: 1 }],
  ])('refuses %s', (_name, value) => {
    expect(sanitizeCapture(value)).toBeUndefined();
  });

  it('passes a clean answer through unchanged', () => {
    const clean: PageCapture = {
      metadata: {
        url: 'https://site.example/page',
        title: 'Page title',
        description: 'About the page',
        image: 'https://cdn.site.example/i.png',
        imageAlt: 'A chart',
        siteName: 'Site',
      },
      selection: 'One\n\nTwo',
      selectionCut: false,
      capturedAt: 42,
    };
    expect(sanitizeCapture(structuredClone(clean))).toEqual(clean);
  });

  it.each<[string, Record<string, unknown>, Partial<PageCapture['metadata']>]>([
    ['a javascript: address', { url: 'javascript:alert(1)', title: 'T' }, { url: '', title: 'T' }],
    ['a data: address', { url: 'data:text/html,<b>x</b>', title: 'T' }, { url: '', title: 'T' }],
    [
      'an address with credentials that hide the host',
      { url: 'https://bank.example@evil.example/', title: 'T' },
      { url: '', title: 'T' },
    ],
    [
      'an address written loosely',
      { url: '  HTTPS://Site.EXAMPLE/a b  ' },
      { url: 'https://site.example/a%20b' },
    ],
  ])('cleans %s', (_name, metadata, expected) => {
    expect(sanitizeCapture(answer(metadata))?.metadata).toMatchObject(expected);
  });

  it.each<[string, unknown]>([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['data:', 'data:image/svg+xml,<svg onload=alert(1)>'],
    ['relative', '/img/card.png'],
    ['not a string', { href: 'https://cdn.example/i.png' }],
  ])('drops a %s image, and its alt with it', (_name, image) => {
    const { metadata } = sanitizeCapture(answer({ image, imageAlt: 'A chart' }))!;
    expect(metadata).not.toHaveProperty('image');
    expect(metadata).not.toHaveProperty('imageAlt');
  });

  it('strips markup and tidies every text field', () => {
    const { metadata } = sanitizeCapture(
      answer({
        title: '<script>steal()</script><b>Bold</b>\n  claim\u202E',
        description: '<p>First</p><p>Second</p>',
        image: 'https://cdn.example/i.png',
        imageAlt: '<img src=x onerror=alert(1)>A <i>red</i> square',
        siteName: '<span>Site</span>',
      }),
    )!;
    expect(metadata).toEqual({
      url: 'https://site.example/page',
      title: 'Bold claim',
      description: 'First Second',
      image: 'https://cdn.example/i.png',
      imageAlt: 'A red square',
      siteName: 'Site',
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['missing', {}, 'site.example'],
    ['empty', { title: '' }, 'site.example'],
    ['markup only', { title: '<b></b><script>x()</script>' }, 'site.example'],
    ['not a string', { title: 42 }, 'site.example'],
    ['missing and no address', { url: 'ftp://site.example/', title: '' }, ''],
  ])('falls back to the host when the title is %s', (_name, metadata, title) => {
    const { title: _title, ...rest } = answer({}).metadata;
    expect(
      sanitizeCapture({ ...answer({}), metadata: { ...rest, ...metadata } })?.metadata.title,
    ).toBe(title);
  });

  it.each<[string, number]>([
    ['title', TEXT_CAPS.title],
    ['description', TEXT_CAPS.description],
    ['imageAlt', TEXT_CAPS.alt],
    ['siteName', TEXT_CAPS.title],
  ])('caps an over-long %s', (field, cap) => {
    const capture = sanitizeCapture(
      answer({ image: 'https://cdn.example/i.png', [field]: 'word '.repeat(cap) }),
    )!;
    const value = capture.metadata[field as keyof PageCapture['metadata']]!;
    expect(countGraphemes(value)).toBe(cap);
    expect(value.endsWith('…')).toBe(true);
  });

  it('caps an over-long selection and says it was cut', () => {
    const capture = sanitizeCapture(
      answer({}, { selection: 'line\n'.repeat(TEXT_CAPS.selection), selectionCut: false }),
    )!;
    expect(countGraphemes(capture.selection)).toBe(TEXT_CAPS.selection);
    expect(capture.selection.endsWith('…')).toBe(true);
    expect(capture.selection).toContain('line\nline');
    expect(capture.selectionCut).toBe(true);
  });

  it.each<[string, unknown, unknown, boolean]>([
    ['kept whole', 'short', false, false],
    ['cut by the script', 'short…', true, true],
    ['a non-boolean claim is not believed', 'short', 'yes', false],
    ['a truthy number is not believed', 'short', 1, false],
  ])('selectionCut: %s', (_name, selection, selectionCut, expected) => {
    expect(sanitizeCapture(answer({}, { selection, selectionCut }))?.selectionCut).toBe(expected);
  });

  it('keeps the selection’s line breaks but strips its markup and spoofing characters', () => {
    const capture = sanitizeCapture(
      answer({}, { selection: '  <b>Line one</b>  \r\nLine\u202E two\n\n\n\nLine three  ' }),
    )!;
    expect(capture.selection).toBe('Line one\nLine two\n\nLine three');
  });

  it('puts safe defaults in place of values of the wrong type', () => {
    const capture = sanitizeCapture({
      metadata: {
        url: 42,
        title: ['a'],
        description: { text: 'x' },
        image: 7,
        imageAlt: 'orphan alt',
        siteName: null,
      },
      selection: { text: 'x' },
      selectionCut: 'true',
      capturedAt: '2024-01-01',
    });
    expect(capture).toEqual({
      metadata: { url: '', title: '' },
      selection: '',
      selectionCut: false,
      capturedAt: T0,
    });
  });

  it('keeps a numeric capture time', () => {
    expect(sanitizeCapture(answer({}))?.capturedAt).toBe(42);
  });
});
