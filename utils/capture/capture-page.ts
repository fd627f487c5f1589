import { readPageMetadata } from './metadata';
import { cleanText, safeHttpUrl, TEXT_CAPS } from './sanitize';
import { selectionText } from './selection';
import type { PageCapture, PageMetadata } from './types';

/** Reads the open page: its metadata and what the user selected. Runs inside the page. */
export function capturePage(
  doc: Document,
  pageUrl: string,
  selection: Selection | null,
): PageCapture {
  const selected = selectionText(selection);
  return {
    metadata: readPageMetadata(doc, pageUrl),
    selection: selected.text,
    selectionCut: selected.truncated,
    capturedAt: Date.now(),
  };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown, maxLength: number, multiline = false): string {
  return cleanText(typeof value === 'string' ? value : '', { maxLength, multiline }).text;
}

/**
 * Checks and cleans again what a page's content script sent back. The script cleaned it already,
 * but it ran inside a page we do not control, so its answer is treated as untrusted input.
 */
export function sanitizeCapture(value: unknown): PageCapture | undefined {
  const raw = record(value);
  const meta = record(raw?.['metadata']);
  if (!raw || !meta) return undefined;
  const url = safeHttpUrl(typeof meta['url'] === 'string' ? meta['url'] : '') ?? '';
  const image = safeHttpUrl(typeof meta['image'] === 'string' ? meta['image'] : '');
  const metadata: PageMetadata = {
    url,
    title: text(meta['title'], TEXT_CAPS.title) || (url ? new URL(url).hostname : ''),
  };
  const description = text(meta['description'], TEXT_CAPS.description);
  if (description) metadata.description = description;
  if (image) {
    metadata.image = image;
    const alt = text(meta['imageAlt'], TEXT_CAPS.alt);
    if (alt) metadata.imageAlt = alt;
  }
  const siteName = text(meta['siteName'], TEXT_CAPS.title);
  if (siteName) metadata.siteName = siteName;
  const selection = cleanText(typeof raw['selection'] === 'string' ? raw['selection'] : '', {
    maxLength: TEXT_CAPS.selection,
    multiline: true,
  });
  return {
    metadata,
    selection: selection.text,
    selectionCut: raw['selectionCut'] === true || selection.truncated,
    capturedAt: typeof raw['capturedAt'] === 'number' ? raw['capturedAt'] : Date.now(),
  };
}
