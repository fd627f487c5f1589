/**
 * Minimal ISO media files for tests: an `ftyp`, a `moov` with one video track whose header
 * states its frame size, length and frame count, and an `mdat` of filler. Servers and parsers
 * read them as they read a camera's MP4; no player can show them.
 */
export interface Mp4Spec {
  width: number;
  height: number;
  frames: number;
  seconds: number;
  /** Bytes of filler in `mdat`, to reach a size. */
  payload?: number;
  /** 'qt  ' makes a QuickTime file. */
  brand?: string;
}

function box(type: string, ...content: Uint8Array[]): Uint8Array {
  const size = 8 + content.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, size);
  out.set(ascii(type), 4);
  let at = 8;
  for (const part of content) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

function u32s(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((value, index) => view.setUint32(index * 4, value));
  return out;
}

/** The bytes of a small MP4 (or QuickTime) file as the spec describes it. */
export function mp4Bytes(spec: Mp4Spec): Uint8Array<ArrayBuffer> {
  const timescale = 1000;
  const duration = Math.round(spec.seconds * timescale);
  // tkhd version 0: flags, times, track id, reserved, duration, reserved, layer…, matrix, then
  // width and height as 16.16 fixed-point numbers.
  const tkhd = box(
    'tkhd',
    u32s(0x00000003, 0, 0, 1, 0, duration, 0, 0, 0, 0),
    u32s(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000),
    u32s(spec.width * 65536, spec.height * 65536),
  );
  const mdhd = box('mdhd', u32s(0, 0, 0, timescale, duration, 0));
  const hdlr = box('hdlr', u32s(0, 0), ascii('vide'), u32s(0, 0, 0), new Uint8Array([0]));
  const stts = box('stts', u32s(0, 1, spec.frames, Math.round(duration / spec.frames) || 1));
  const trak = box('trak', tkhd, box('mdia', mdhd, hdlr, box('minf', box('stbl', stts))));
  const ftyp = box('ftyp', ascii(spec.brand ?? 'isom'), u32s(512), ascii('isomiso2mp41'));
  return concat([ftyp, box('moov', trak), box('mdat', new Uint8Array(spec.payload ?? 64))]);
}

function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
