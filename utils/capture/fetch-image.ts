import { words } from '@/utils/i18n/wording';
import { CrosswindError } from '../errors';
import { formatBytes } from '../media/fit';
import { type ImageFormat, sniffImage } from '../media/sniff';
import { fetchRemote, type RemoteFetchOptions } from './remote-fetch';

/** Larger than any preview image a page means to share, and well inside what decoding can take. */
export const MAX_REMOTE_IMAGE_BYTES = 15_000_000;

/** Images are bigger than pages, but the worker must finish well within its 30 s. */
export const IMAGE_TIMEOUT_MS = 15_000;

/** How an image from another site is fetched. */
export interface FetchImageOptions extends RemoteFetchOptions {
  maxBytes?: number;
}

const MIME: Record<Exclude<ImageFormat, 'unknown'>, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  avif: 'image/avif',
  bmp: 'image/bmp',
};

/**
 * Downloads a page's image (a link card's og:image), refusing anything whose bytes are not a
 * picture: the Content-Type a site sends is not trusted. The Blob's type is the sniffed one.
 */
export function fetchImage(url: string, options: FetchImageOptions = {}): Promise<Blob> {
  const maxBytes = options.maxBytes ?? MAX_REMOTE_IMAGE_BYTES;
  const request = {
    ...options,
    kind: 'image' as const,
    accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8',
    timeoutMs: options.timeoutMs ?? IMAGE_TIMEOUT_MS,
  };
  return fetchRemote(url, request, async ({ response, host, readBody, discard }) => {
    const tooBig = () =>
      new CrosswindError(
        'validation',
        words('capture.imageTooBig', { host, size: formatBytes(maxBytes) }),
      );
    // A declared size saves downloading what would be refused; the count below is what holds.
    if (Number(response.headers.get('content-length')) > maxBytes) {
      discard();
      throw tooBig();
    }
    const { bytes, truncated } = await readBody(maxBytes);
    if (truncated) throw tooBig();
    const { format, looksLikeText } = sniffImage(bytes);
    if (format === 'unknown') {
      throw new CrosswindError(
        'validation',
        looksLikeText
          ? words('capture.imageIsText', { host })
          : words('capture.imageUnreadable', { host }),
      );
    }
    return new Blob([bytes], { type: MIME[format] });
  });
}
