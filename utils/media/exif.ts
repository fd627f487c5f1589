/** EXIF orientation: 1 is upright; 2–8 are the mirrorings and quarter turns cameras record. */
export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const ORIENTATION_TAG = 0x0112;

/**
 * Reads the Orientation tag of a JPEG's Exif block. Any malformed or truncated input yields 1,
 * because a wrong rotation is worse than none and a photo must never fail over its metadata.
 */
export function readJpegOrientation(bytes: Uint8Array): ExifOrientation {
  try {
    const tiff = findExifTiff(bytes);
    return tiff ? (orientationFromTiff(bytes, tiff.start, tiff.end) ?? 1) : 1;
  } catch {
    return 1;
  }
}

/** Whether an orientation turns the picture by a quarter, so width and height trade places. */
export function swapsAxes(orientation: ExifOrientation): boolean {
  return orientation >= 5;
}

function findExifTiff(b: Uint8Array): { start: number; end: number } | undefined {
  if (b[0] !== 0xff || b[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    // 0xFF fill bytes may pad before a marker.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // Start of scan or end of image: metadata can no longer follow.
    if (marker === 0xda || marker === 0xd9) return undefined;
    // Markers without a length field.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    if (length < 2) return undefined;
    const start = at + 4;
    const end = Math.min(at + 2 + length, b.length);
    if (marker === 0xe1 && isExifHeader(b, start)) return { start: start + 6, end };
    at += 2 + length;
  }
  return undefined;
}

function isExifHeader(b: Uint8Array, at: number): boolean {
  // "Exif\0\0": APP1 is also used for XMP, which starts differently.
  return (
    b[at] === 0x45 &&
    b[at + 1] === 0x78 &&
    b[at + 2] === 0x69 &&
    b[at + 3] === 0x66 &&
    b[at + 4] === 0 &&
    b[at + 5] === 0
  );
}

function orientationFromTiff(
  b: Uint8Array,
  start: number,
  end: number,
): ExifOrientation | undefined {
  if (end - start < 8) return undefined;
  const view = new DataView(b.buffer, b.byteOffset + start, end - start);
  const order = view.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return undefined;
  const le = order === 0x4949;
  if (view.getUint16(2, le) !== 42) return undefined;
  const ifd = view.getUint32(4, le);
  if (ifd < 8 || ifd + 2 > view.byteLength) return undefined;
  const count = view.getUint16(ifd, le);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > view.byteLength) return undefined;
    if (view.getUint16(entry, le) !== ORIENTATION_TAG) continue;
    // SHORT (type 3), one value, stored inline in the first two bytes of the value field.
    if (view.getUint16(entry + 2, le) !== 3) return undefined;
    const value = view.getUint16(entry + 8, le);
    return value >= 1 && value <= 8 ? (value as ExifOrientation) : undefined;
  }
  return undefined;
}
