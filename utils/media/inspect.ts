import { words } from '@/utils/i18n/wording';
import { CrosswindError } from '../errors';
import { decodeUpright } from './decode';
import { type ImageFormat, sniffImage } from './sniff';

/** What the composer records about an attached file once the browser has read it. */
export interface InspectedImage {
  /** The real MIME type, from the bytes. */
  type: string;
  /** Upright size, after the photo's own orientation is applied. */
  width: number;
  height: number;
  /** An animated GIF, which Bluesky turns into its first frame. */
  animated: boolean;
}

const MIME: Record<Exclude<ImageFormat, 'heic' | 'unknown'>, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
};

/**
 * Checks, when the file is attached, that it is a picture this browser can decode, so a bad
 * file is named at once instead of failing later in the background's upload.
 */
export async function inspectImage(file: File): Promise<InspectedImage> {
  const name = file.name || 'The image';
  // Whole file: counting GIF frames needs every block, and attachments are a few megabytes.
  const sniffed = sniffImage(new Uint8Array(await file.arrayBuffer()));
  if (file.size === 0 || sniffed.format === 'unknown' || sniffed.format === 'heic') {
    // openImage owns the wording for files that are not pictures and throws before decoding;
    // loaded only here, so the popup does not load the whole pipeline for every good picture.
    const { openImage } = await import('./prepare');
    (await openImage(file)).close();
    throw new CrosswindError('validation', words('media.notAnImage', { image: name }));
  }
  const bitmap = await decodeUpright(file, name);
  const { width, height } = bitmap;
  bitmap.close();
  return {
    type: MIME[sniffed.format],
    width,
    height,
    animated: sniffed.format === 'gif' && sniffed.animated,
  };
}
