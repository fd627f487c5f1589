import { t } from '@/utils/i18n/messages';
import { words, type Wording } from '@/utils/i18n/wording';
import { CrosswindError } from '../errors';
import { decodeUpright } from './decode';
import { analyzeBitmap, type PixelTraits } from './analyze';
import { canvasEncoder } from './encoder';
import { readJpegOrientation } from './exif';
import { fitToLimit, type Measurement, type OutputType } from './fit';
import { gifSize } from './gif';
import { applyOrientation, decoderAppliesOrientation } from './orientation';
import { createPyramid, type Pyramid } from './resize';
import { type ImageFormat, sniffImage, type SniffResult } from './sniff';
import type { ImageTarget } from './targets';

/** A picture ready to upload: re-encoded without metadata, upright, and within the target. */
export interface PreparedImage {
  blob: Blob;
  width: number;
  height: number;
  type: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';
  /** What Bluesky's embed wants so the post reserves the right box before the image loads. */
  aspectRatio: { width: number; height: number };
  /** Set when an animated GIF was reduced to its first frame. */
  animatedGifFlattened?: boolean;
}

/**
 * A checked file that can be prepared for several networks while being decoded only once
 * (decoding is the largest single cost: ~130 ms for a 12 MP JPEG). Call `close()` when done.
 */
export interface ImageSource {
  readonly name: string;
  readonly format: ImageFormat;
  /** Fits the picture into one network's limits; each call fails or succeeds on its own. */
  prepare(target: ImageTarget): Promise<PreparedImage>;
  /** Frees the decoded pixels (48 MB for a 12 MP photo). */
  close(): void;
}

interface Decoded {
  bitmap: ImageBitmap;
  pyramid: Pyramid;
  traits: PixelTraits;
}

// Exif sits in the first segments of a JPEG; 128 kB also covers large embedded thumbnails.
const HEAD_BYTES = 128 * 1024;
const NO_TRAITS: PixelTraits = { transparent: false, flat: false };

/**
 * Turns a user's file into an upload for one network: checks it really is a picture, turns it
 * upright, picks PNG for transparency and flat art or JPEG for photos, and shrinks it until it
 * fits. Uses only OffscreenCanvas and createImageBitmap, so it runs in workers too.
 */
export async function prepareImage(
  file: Blob & { name?: string },
  target: ImageTarget,
): Promise<PreparedImage> {
  const source = await openImage(file);
  try {
    return await source.prepare(target);
  } finally {
    source.close();
  }
}

/** Checks a file is a picture the browser can read and starts decoding it in the background. */
export async function openImage(file: Blob & { name?: string }): Promise<ImageSource> {
  const name = file.name || t('media.theImage');
  if (file.size === 0) throw invalid(words('media.empty', { image: name }));
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  let sniffed = sniffImage(head);
  if (sniffed.format === 'gif' && file.size > head.length) {
    sniffed = sniffImage(new Uint8Array(await file.arrayBuffer()));
  }
  rejectUnreadable(name, sniffed);
  const animatedGif = sniffed.format === 'gif' && sniffed.animated;

  let decoding: Promise<Decoded> | undefined;
  let closed = false;
  // What earlier targets measured, so the next one starts from an informed guess.
  const measured = new Map<OutputType, Measurement>();
  const decoded = (): Promise<Decoded> => {
    decoding ??= decode(file, name, sniffed, head);
    return decoding;
  };
  // Decoding runs on the browser's image threads, so starting now overlaps it with whatever
  // the caller does next (encoding another picture). Animated GIFs wait: they may pass through.
  if (!animatedGif) decoded().catch(() => {});

  return {
    name,
    format: sniffed.format,
    async prepare(target) {
      if (closed) throw new Error(`${name} was already closed`);
      if (animatedGif && target.keepGif && file.size <= target.maxBytes) {
        const size = gifSize(head);
        const blob = file.type === 'image/gif' ? file : new Blob([file], { type: 'image/gif' });
        return { blob, ...size, type: 'image/gif', aspectRatio: size };
      }
      const prepared = await encodeFor(name, await decoded(), target, measured);
      return animatedGif ? { ...prepared, animatedGifFlattened: true } : prepared;
    },
    close() {
      closed = true;
      decoding?.then(
        ({ bitmap, pyramid }) => {
          pyramid.close();
          bitmap.close();
        },
        () => {},
      );
    },
  };
}

async function encodeFor(
  name: string,
  { bitmap, pyramid, traits }: Decoded,
  target: ImageTarget,
  measured: Map<OutputType, Measurement>,
): Promise<PreparedImage> {
  const type: OutputType = traits.transparent || traits.flat ? 'image/png' : 'image/jpeg';
  const estimate = measured.get(type);
  const encoder = canvasEncoder(pyramid);
  try {
    const fit = await fitToLimit({
      name,
      width: bitmap.width,
      height: bitmap.height,
      maxBytes: target.maxBytes,
      maxEdge: target.maxEdge,
      ...(target.maxPixels !== undefined && { maxPixels: target.maxPixels }),
      type,
      keepTransparency: traits.transparent,
      ...(target.acceptsWebp && { alphaLossyType: 'image/webp' as const }),
      ...(estimate && { estimate }),
      encode: encoder.encode,
    });
    const size = { width: fit.width, height: fit.height };
    measured.set(fit.type, {
      type: fit.type,
      ...size,
      quality: fit.quality,
      size: fit.encoded.size,
    });
    return { blob: fit.encoded, ...size, type: fit.type, aspectRatio: size };
  } finally {
    encoder.dispose();
  }
}

async function decode(
  file: Blob,
  name: string,
  sniffed: SniffResult,
  head: Uint8Array,
): Promise<Decoded> {
  let bitmap = await decodeUpright(file, name);
  if (sniffed.format === 'jpeg') {
    const orientation = readJpegOrientation(head);
    if (orientation !== 1 && !(await decoderAppliesOrientation())) {
      bitmap = applyOrientation(bitmap, orientation);
    }
  }
  // JPEG cannot carry transparency, and a photo saved as JPEG gains nothing from PNG.
  const traits = sniffed.format === 'jpeg' ? NO_TRAITS : analyzeBitmap(bitmap);
  return { bitmap, pyramid: createPyramid(bitmap), traits };
}

function rejectUnreadable(name: string, sniffed: SniffResult): void {
  if (sniffed.format === 'heic') {
    throw invalid(words('media.heic', { image: name }));
  }
  if (sniffed.format === 'unknown') {
    throw invalid(
      sniffed.looksLikeText
        ? words('media.textNotImage', { image: name })
        : words('media.unreadable', { image: name }),
    );
  }
}

function invalid(message: Wording): CrosswindError {
  return new CrosswindError('validation', message);
}
