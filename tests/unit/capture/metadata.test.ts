// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPageMetadata } from '@/utils/capture/metadata';
import { TEXT_CAPS } from '@/utils/capture/sanitize';
import { countGraphemes } from '@/utils/text/graphemes';
import { expectLinearGrowth } from '../support/scaling';
import { PAGE_FIXTURES } from './fixtures';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A head with `count` unusable image tags before its title. */
function headWith(count: number): Document {
  return parse(
    `<head>${'<meta property="og:image" content="javascript:void 0">'.repeat(count)}<title>T</title></head>`,
  );
}

describe('readPageMetadata', () => {
  it.each(PAGE_FIXTURES)('$name', ({ html, pageUrl, expected }) => {
    expect(readPageMetadata(parse(html), pageUrl)).toEqual(expected);
  });

  it('reads the live document, including tags added by scripts', () => {
    document.head.innerHTML = '<title>Live</title>';
    const meta = document.createElement('meta');
    meta.setAttribute('property', 'og:description');
    meta.setAttribute('content', 'Injected by a framework');
    document.head.append(meta);
    expect(readPageMetadata(document, 'https://app.example/#/route')).toEqual({
      url: 'https://app.example/#/route',
      title: 'Live',
      description: 'Injected by a framework',
    });
  });

  it('caps every text field', () => {
    const long = 'x'.repeat(5000);
    const doc = parse(`<head><meta property="og:title" content="${long}">
<meta property="og:description" content="${long}"><meta property="og:site_name" content="${long}">
<meta property="og:image" content="/i.png"><meta property="og:image:alt" content="${long}"></head>`);
    const result = readPageMetadata(doc, 'https://example.com/');
    expect(countGraphemes(result.title)).toBe(TEXT_CAPS.title);
    expect(countGraphemes(result.description ?? '')).toBe(TEXT_CAPS.description);
    expect(countGraphemes(result.imageAlt ?? '')).toBe(TEXT_CAPS.alt);
    expect(countGraphemes(result.siteName ?? '')).toBe(TEXT_CAPS.title);
  });

  it('does not throw on odd documents', () => {
    const xml = new DOMParser().parseFromString('<root><title>x</title></root>', 'text/xml');
    const throwing = new Proxy({} as Document, {
      get() {
        throw new Error('detached');
      },
    });
    const url = 'https://example.com/a';
    for (const doc of [xml, throwing, {} as Document, parse('')]) {
      expect(readPageMetadata(doc, url)).toEqual({ url, title: 'example.com' });
    }
  });

  it('reads a head with thousands of tags in time proportional to them', () => {
    expect(readPageMetadata(headWith(2000), 'https://example.com/').title).toBe('example.com');
    expectLinearGrowth((scale) => {
      const doc = headWith(250 * scale);
      return () => readPageMetadata(doc, 'https://example.com/');
    });
  });
});
