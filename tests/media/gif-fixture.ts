/** Builds real GIF files for tests: browsers can decode GIFs but cannot write them. */

const PALETTE = [
  [255, 0, 0],
  [0, 0, 255],
] as const;

/**
 * A GIF whose every frame is one solid colour: `frames` lists each frame's palette index
 * (0 red, 1 blue). More than one entry makes an animated GIF that loops forever.
 */
export function buildGif(width: number, height: number, frames: readonly (0 | 1)[]): Uint8Array {
  const bytes: number[] = [...ascii('GIF89a'), ...u16(width), ...u16(height), 0x80, 0, 0];
  for (const colour of PALETTE) bytes.push(...colour);
  if (frames.length > 1) {
    bytes.push(0x21, 0xff, 0x0b, ...ascii('NETSCAPE2.0'), 0x03, 0x01, 0, 0, 0);
  }
  for (const index of frames) {
    // Graphic control extension: 100 ms per frame, no transparency.
    bytes.push(0x21, 0xf9, 0x04, 0x00, 10, 0, 0, 0);
    bytes.push(0x2c, ...u16(0), ...u16(0), ...u16(width), ...u16(height), 0);
    bytes.push(2, ...subBlocks(solidLzw(width * height, index)));
  }
  bytes.push(0x3b);
  return new Uint8Array(bytes);
}

/**
 * LZW data that sends a clear code before every pixel, so the code table never grows and
 * every code stays 3 bits wide: valid, if wasteful, and simple to write by hand.
 */
function solidLzw(pixels: number, index: number): number[] {
  const codes: number[] = [];
  for (let i = 0; i < pixels; i++) codes.push(4, index);
  codes.push(5);
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const code of codes) {
    buffer |= code << bits;
    bits += 3;
    while (bits >= 8) {
      out.push(buffer & 0xff);
      buffer >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) out.push(buffer & 0xff);
  return out;
}

function subBlocks(data: number[]): number[] {
  const out: number[] = [];
  for (let at = 0; at < data.length; at += 255) {
    const chunk = data.slice(at, at + 255);
    out.push(chunk.length, ...chunk);
  }
  out.push(0);
  return out;
}

function u16(value: number): number[] {
  return [value & 0xff, value >> 8];
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}
