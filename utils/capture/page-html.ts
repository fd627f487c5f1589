import { isCanonical, MAX_HEAD_ENTRIES, metaEntries } from './head-entry';
import { decodeEntities } from './html-entities';
import { pickPageMetadata } from './pick-metadata';
import type { HeadEntry, PageMetadata } from './types';

/** How much of a fetched page is read: heads are a few KB, but some inline megabytes of CSS. */
export const MAX_HEAD_SCAN = 512 * 1024;

// Elements whose content is skipped: a `<meta` inside a script string is not a meta, a live page
// never parses <noscript> content, and an SVG <title> is a tooltip, not the page's title.
const SKIPPED_CONTENT = new Set([
  'svg',
  'math',
  'script',
  'style',
  'template',
  'noscript',
  'textarea',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);

const TAG_NAME = /[a-zA-Z][^\t\n\f\r />]*/y;

/** A fetched page's metadata, read from its HTML text without running or loading anything. */
export function readMetadataFromHtml(html: string, pageUrl: string): PageMetadata {
  return pickPageMetadata(readHeadEntriesFromHtml(html), pageUrl);
}

/** The head's title, meta, canonical link and base tags, tokenized as a browser would. */
export function readHeadEntriesFromHtml(html: string): HeadEntry[] {
  // Service workers have no DOMParser, hence this small tokenizer: it follows the HTML spec's
  // tag and attribute rules (unquoted and single-quoted values, `<` inside a tag, first duplicate
  // attribute wins) but builds no tree, and stops at </head>, <body> or MAX_HEAD_SCAN.
  const end = Math.min(html.length, MAX_HEAD_SCAN);
  const entries: HeadEntry[] = [];
  let seenTitle = false;
  let i = 0;
  while (i < end && entries.length < MAX_HEAD_ENTRIES) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt >= end) break;
    const next = html.charAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      // `<!-->` and `<!--->` are whole (empty) comments to a browser.
      const close = html.startsWith('>', lt + 4)
        ? lt + 2
        : html.startsWith('->', lt + 4)
          ? lt + 3
          : html.indexOf('-->', lt + 4);
      if (close < 0 || close + 3 > end) break;
      i = close + 3;
    } else if (next === '!' || next === '?' || next === '/') {
      const close = html.indexOf('>', lt + 2);
      if (close < 0 || close >= end) break;
      if (next === '/' && tagName(html, lt + 2) === 'head') break;
      i = close + 1;
    } else if (!isAsciiLetter(next)) {
      i = lt + 1;
    } else {
      const tag = readTag(html, lt + 1, end);
      if (!tag || tag.name === 'body') break;
      i = tag.end;
      if (tag.name === 'meta') {
        entries.push(...metaEntries((name) => tag.attributes.get(name)));
      } else if (tag.name === 'link') {
        const href = tag.attributes.get('href');
        if (href !== undefined && isCanonical(tag.attributes.get('rel'))) {
          entries.push({ kind: 'canonical', value: href });
        }
      } else if (tag.name === 'base') {
        const href = tag.attributes.get('href');
        if (href !== undefined) entries.push({ kind: 'base', value: href });
      } else if (tag.name === 'title' || SKIPPED_CONTENT.has(tag.name)) {
        const close = findEndTag(html, tag.name, i, end);
        // Like a browser, an unclosed <title> takes the rest of the page as its text.
        if (tag.name === 'title' && !seenTitle) {
          entries.push({
            kind: 'title',
            value: decodeEntities(html.slice(i, close?.start ?? end)),
          });
          seenTitle = true;
        }
        if (!close) break;
        i = close.end;
      }
    }
  }
  return entries;
}

interface Tag {
  name: string;
  attributes: Map<string, string>;
  /** Just past the closing `>`. */
  end: number;
}

/** The start tag whose name begins at `start`, or undefined if it is not closed before `end`. */
function readTag(html: string, start: number, end: number): Tag | undefined {
  const name = tagName(html, start);
  const attributes = new Map<string, string>();
  let p = start + name.length;
  for (;;) {
    while (p < end && (isSpace(html.charCodeAt(p)) || html[p] === '/')) p++;
    if (p >= end) return undefined;
    if (html[p] === '>') return { name, attributes, end: p + 1 };
    // The spec lets an attribute name start with `=`; anything else up to a separator follows.
    const nameStart = p++;
    while (p < end && !isSpace(html.charCodeAt(p)) && !'/>='.includes(html.charAt(p))) p++;
    const attribute = html.slice(nameStart, p).toLowerCase();
    let value = '';
    let q = p;
    while (q < end && isSpace(html.charCodeAt(q))) q++;
    if (html[q] === '=') {
      p = q + 1;
      while (p < end && isSpace(html.charCodeAt(p))) p++;
      const quote = html.charAt(p);
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, p + 1);
        if (close < 0 || close >= end) return undefined;
        value = html.slice(p + 1, close);
        p = close + 1;
      } else {
        const valueStart = p;
        while (p < end && !isSpace(html.charCodeAt(p)) && html[p] !== '>') p++;
        value = html.slice(valueStart, p);
      }
    }
    if (!attributes.has(attribute)) attributes.set(attribute, decodeEntities(value));
  }
}

/** Where `</name>` starts and ends, searching from `from`, or undefined if it is not there. */
function findEndTag(html: string, name: string, from: number, end: number) {
  const pattern = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
  pattern.lastIndex = from;
  const found = pattern.exec(html);
  if (!found || found.index >= end) return undefined;
  const close = html.indexOf('>', found.index);
  if (close < 0 || close >= end) return undefined;
  return { start: found.index, end: close + 1 };
}

function tagName(html: string, start: number): string {
  TAG_NAME.lastIndex = start;
  return TAG_NAME.exec(html)?.[0].toLowerCase() ?? '';
}

function isAsciiLetter(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');
}

// The HTML spec's ASCII whitespace: tab, LF, FF, CR, space.
function isSpace(code: number): boolean {
  return code === 9 || code === 10 || code === 12 || code === 13 || code === 32;
}
