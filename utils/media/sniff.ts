import { countGifFrames } from './gif';

/** The container a file really is, whatever its name or declared type says. */
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'heic' | 'avif' | 'bmp' | 'unknown';

/** What the first bytes of a file say about it. */
export interface SniffResult {
  format: ImageFormat;
  /** More than one frame: a GIF with several images, or a WebP with the animation flag. */
  animated: boolean;
  /** Not an image and the bytes read as text: lets the message say why, not just "unknown". */
  looksLikeText: boolean;
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
// Generic HEIF brands: the compatible brands decide whether the content is HEVC or AV1.
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'mif2', 'miaf']);
const BMP_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

/**
 * Detects the format from magic bytes. Needs the first 64 bytes for everything except
 * animation in GIFs, which needs the whole file (frames are counted block by block).
 */
export function sniffImage(bytes: Uint8Array): SniffResult {
  const format = detectFormat(bytes);
  return {
    format,
    animated:
      (format === 'gif' && countGifFrames(bytes) > 1) ||
      (format === 'webp' && isAnimatedWebp(bytes)),
    looksLikeText: format === 'unknown' && looksLikeText(bytes),
  };
}

function detectFormat(b: Uint8Array): ImageFormat {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (ascii(b, 0, 8) === '\x89PNG\r\n\x1a\n') return 'png';
  const gif = ascii(b, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'gif';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return 'webp';
  if (ascii(b, 4, 4) === 'ftyp') return isoBrand(b);
  // "BM" alone is too weak (text can start with it): also require a known DIB header size.
  if (b[0] === 0x42 && b[1] === 0x4d && BMP_HEADER_SIZES.has(u32le(b, 14))) return 'bmp';
  return 'unknown';
}

function isoBrand(b: Uint8Array): ImageFormat {
  const boxSize = Math.min((u32be(b, 0) || 32) >>> 0, b.length);
  const major = ascii(b, 8, 4);
  const brands = [major];
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(b, at, 4));
  if (AVIF_BRANDS.has(major)) return 'avif';
  if (HEIC_BRANDS.has(major)) return 'heic';
  if (brands.some((brand) => AVIF_BRANDS.has(brand))) return 'avif';
  if (brands.some((brand) => HEIC_BRANDS.has(brand) || HEIF_BRANDS.has(brand))) return 'heic';
  // Other ISO media (MP4, MOV, 3GP) share the ftyp box but are not pictures.
  return 'unknown';
}

function isAnimatedWebp(b: Uint8Array): boolean {
  return ascii(b, 12, 4) === 'VP8X' && ((b[20] ?? 0) & 0x02) !== 0;
}

/** Text files have no control bytes other than tab, newline and carriage return (UTF-8 allowed). */
function looksLikeText(b: Uint8Array): boolean {
  const end = Math.min(b.length, 512);
  if (end === 0) return false;
  for (let i = 0; i < end; i++) {
    const c = b[i]!;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
    if (c === 0x7f) return false;
  }
  return true;
}

function ascii(b: Uint8Array, at: number, length: number): string {
  let out = '';
  for (let i = at; i < at + length; i++) out += String.fromCharCode(b[i] ?? 0);
  return out;
}

function u32be(b: Uint8Array, at: number): number {
  return (
    (((b[at] ?? 0) << 24) |
      ((b[at + 1] ?? 0) << 16) |
      ((b[at + 2] ?? 0) << 8) |
      (b[at + 3] ?? 0)) >>>
    0
  );
}

function u32le(b: Uint8Array, at: number): number {
  return (
    (((b[at + 3] ?? 0) << 24) |
      ((b[at + 2] ?? 0) << 16) |
      ((b[at + 1] ?? 0) << 8) |
      (b[at] ?? 0)) >>>
    0
  );
}
