import { isCanonical, MAX_HEAD_ENTRIES, metaEntries } from './head-entry';
import { pickPageMetadata } from './pick-metadata';
import type { HeadEntry, PageMetadata } from './types';

export type { PageMetadata } from './types';

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** What the open page says about itself, read from its DOM only (no network); never throws. */
export function readPageMetadata(doc: Document, pageUrl: string): PageMetadata {
  return pickPageMetadata(readHeadEntries(doc), pageUrl);
}

/** The head's title, meta, canonical link and base elements, in document order. */
export function readHeadEntries(doc: Document): HeadEntry[] {
  const entries: HeadEntry[] = [];
  try {
    // Only the head, like the HTML reader: metadata anywhere else is not the page's own.
    // `head` is null in XML documents, whatever the DOM typings say.
    const head = doc.head as HTMLHeadElement | null;
    if (!head) return entries;
    let seenTitle = false;
    // The parser puts head metadata straight under <head>, and scripts append it there; a
    // nested one sits in <noscript>, <template> or <svg>, none of which a live page reads.
    const children = head.children;
    for (let i = 0; i < children.length && entries.length < MAX_HEAD_ENTRIES; i++) {
      const element = children[i];
      if (!element || element.namespaceURI !== HTML_NAMESPACE) continue;
      const tag = element.localName.toLowerCase();
      if (tag === 'title') {
        if (!seenTitle) entries.push({ kind: 'title', value: element.textContent ?? '' });
        seenTitle = true;
      } else if (tag === 'meta') {
        entries.push(...metaEntries((name) => attribute(element, name)));
      } else if (tag === 'link') {
        const href = attribute(element, 'href');
        if (href !== undefined && isCanonical(attribute(element, 'rel'))) {
          entries.push({ kind: 'canonical', value: href });
        }
      } else if (tag === 'base') {
        const href = attribute(element, 'href');
        if (href !== undefined) entries.push({ kind: 'base', value: href });
      }
    }
  } catch {
    // A hostile or half-built document must not cost the user their capture: keep what was read.
  }
  return entries;
}

// Case-insensitive even in XHTML documents, where getAttribute is case-sensitive.
function attribute(element: Element, name: string): string | undefined {
  for (const attr of element.attributes) {
    if (attr.name.toLowerCase() === name) return attr.value;
  }
  return undefined;
}
