/** Reads the few GIF facts the pipeline needs straight from the bytes, without decoding pixels. */

/** The logical screen size a GIF declares in its header (what browsers display). */
export function gifSize(bytes: Uint8Array): { width: number; height: number } {
  return {
    width: (bytes[6] ?? 0) | ((bytes[7] ?? 0) << 8),
    height: (bytes[8] ?? 0) | ((bytes[9] ?? 0) << 8),
  };
}

/**
 * Counts image frames, stopping at `stopAt` because callers only ask "more than one?".
 * Walks the block structure instead of searching for 0x2C, which also occurs inside LZW data.
 */
export function countGifFrames(bytes: Uint8Array, stopAt = 2): number {
  if (bytes.length < 13) return 0;
  let at = 13;
  const flags = bytes[10] ?? 0;
  if (flags & 0x80) at += 3 * (1 << ((flags & 7) + 1));
  let frames = 0;
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x3b) break;
    if (block === 0x21) {
      at = skipSubBlocks(bytes, at + 2);
    } else if (block === 0x2c) {
      frames += 1;
      if (frames >= stopAt) break;
      const local = bytes[at + 9] ?? 0;
      at += 10;
      if (local & 0x80) at += 3 * (1 << ((local & 7) + 1));
      // One byte of LZW minimum code size precedes the image data sub-blocks.
      at = skipSubBlocks(bytes, at + 1);
    } else {
      break;
    }
    if (at < 0) break;
  }
  return frames;
}

/** Returns the offset after a chain of sub-blocks, or -1 when the data ends first. */
function skipSubBlocks(bytes: Uint8Array, at: number): number {
  while (at < bytes.length) {
    const size = bytes[at]!;
    at += 1;
    if (size === 0) return at;
    at += size;
  }
  return -1;
}
