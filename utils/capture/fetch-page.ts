import { words } from '@/utils/i18n/wording';
import { CrosswindError } from '../errors';
import { decodeHtml } from './html-charset';
import { readMetadataFromHtml } from './page-html';
import { fetchRemote, type RemoteFetchOptions } from './remote-fetch';
import type { PageMetadata } from './types';

/** The most of a page that is downloaded: its head is what matters, and it comes first. */
export const MAX_PAGE_BYTES = 1024 * 1024;

/** How long a page may take, headers and body together, before the card is given up. */
export const PAGE_TIMEOUT_MS = 8_000;

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Reads a linked page's title, description and image from the background, for the link card of
 * a URL that is not the current tab. Nothing in the page runs; only its head is looked at.
 */
export function fetchPageMetadata(
  url: string,
  options: RemoteFetchOptions = {},
): Promise<PageMetadata> {
  const request = {
    ...options,
    kind: 'page' as const,
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
    timeoutMs: options.timeoutMs ?? PAGE_TIMEOUT_MS,
  };
  return fetchRemote(url, request, async ({ response, finalUrl, host, readBody, discard }) => {
    const contentType = response.headers.get('content-type');
    const mime = contentType?.split(';')[0]?.trim().toLowerCase();
    // No type at all is read anyway, as a browser would sniff it; a declared other type is not.
    if (mime && !HTML_TYPES.has(mime)) {
      discard();
      throw new CrosswindError(
        'validation',
        words('capture.notWebPage', { host, type: mime.slice(0, 100) }),
      );
    }
    const { bytes } = await readBody(MAX_PAGE_BYTES);
    return readMetadataFromHtml(decodeHtml(bytes, contentType), finalUrl);
  });
}
