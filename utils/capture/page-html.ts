import { Parser } from 'htmlparser2';
import { isCanonical, MAX_HEAD_ENTRIES, metaEntries } from './head-entry';
import { pickPageMetadata } from './pick-metadata';
import type { HeadEntry, PageMetadata } from './types';

/** How much of a fetched page is read: heads are a few KB, but some inline megabytes of CSS. */
export const MAX_HEAD_SCAN = 512 * 1024;

// Elements whose content is not the head's: a live page never parses <noscript> content, an SVG
// <title> is a tooltip, not the page's title, and a <template> is inert. (Script, style, textarea,
// xmp, iframe, noembed and noframes hold raw text, which the tokenizer already keeps as text.)
const SKIPPED_CONTENT = new Set(['svg', 'math', 'template', 'noscript']);

/** A fetched page's metadata, read from its HTML text without running or loading anything. */
export function readMetadataFromHtml(html: string, pageUrl: string): PageMetadata {
  return pickPageMetadata(readHeadEntriesFromHtml(html), pageUrl);
}

/** The head's title, meta, canonical link and base tags, tokenized as a browser would. */
// Service workers have no DOMParser; htmlparser2 tokenizes like the HTML spec (raw text elements,
// comments, attribute quoting, character references in full) without building a tree. Reading
// stops at </head>, <body>, MAX_HEAD_ENTRIES or MAX_HEAD_SCAN characters.
export function readHeadEntriesFromHtml(html: string): HeadEntry[] {
  const entries: HeadEntry[] = [];
  let title: string | undefined;
  let inTitle = false;
  let skipped = 0;
  let done = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (done) return;
        if (name === 'body') return stop();
        if (SKIPPED_CONTENT.has(name)) skipped++;
        if (skipped > 0) return;
        const attribute = (key: string) => attributes[key];
        if (name === 'meta') entries.push(...metaEntries(attribute));
        else if (name === 'link' && attributes.href !== undefined && isCanonical(attributes.rel)) {
          entries.push({ kind: 'canonical', value: attributes.href });
        } else if (name === 'base' && attributes.href !== undefined) {
          entries.push({ kind: 'base', value: attributes.href });
        } else if (name === 'title' && title === undefined) {
          title = '';
          inTitle = true;
        }
        if (entries.length >= MAX_HEAD_ENTRIES) stop();
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (done) return;
        if (name === 'title' && inTitle) {
          inTitle = false;
          entries.push({ kind: 'title', value: title ?? '' });
        }
        if (SKIPPED_CONTENT.has(name) && skipped > 0) skipped--;
        if (name === 'head') stop();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  function stop(): void {
    done = true;
    parser.pause();
  }
  // A browser opens the head itself when a page starts with <meta> or <title>, so a stray
  // </head> ends it; opening it here makes the parser see that end tag too.
  parser.write('<head>');
  parser.end(html.slice(0, MAX_HEAD_SCAN));
  // Entries are in document order but the title, which is known only once it closes.
  return entries.length > MAX_HEAD_ENTRIES ? entries.slice(0, MAX_HEAD_ENTRIES) : entries;
}
