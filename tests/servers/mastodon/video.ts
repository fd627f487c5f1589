/**
 * What ffprobe would tell Mastodon about an uploaded clip, read from the container itself: frame
 * size, frame rate and length. MP4/QuickTime from `moov` (`tkhd`, `mdhd`, `stts`), WebM/Matroska
 * from `Tracks` and `Info`. A value the container does not state (a recorder's fragmented MP4 or
 * WebM keeps no frame count) is null, and Mastodon's check for it is skipped, where ffprobe would
 * have measured it from the frames.
 */
export interface VideoMetadata {
  width: number;
  height: number;
  frameRate: number | null;
  /** Seconds. */
  duration: number | null;
}

/** The clip's metadata, or undefined when its video track cannot be read. */
export function videoMetadata(bytes: Buffer, mimeType: string): VideoMetadata | undefined {
  if (mimeType === 'video/mp4' || mimeType === 'video/quicktime') return mp4Metadata(bytes);
  if (mimeType === 'video/webm') return webmMetadata(bytes);
  return undefined;
}

interface Box {
  start: number;
  end: number;
}

function boxes(bytes: Buffer, start: number, end: number, type: string): Box[] {
  const found: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = bytes.readUInt32BE(at);
    let header = 8;
    if (size === 1 && at + 16 <= end) {
      size = Number(bytes.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) break;
    if (bytes.toString('latin1', at + 4, at + 8) === type) {
      found.push({ start: at + header, end: at + size });
    }
    at += size;
  }
  return found;
}

function child(bytes: Buffer, parent: Box, path: string[]): Box | undefined {
  let box: Box | undefined = parent;
  for (const type of path) box = box && boxes(bytes, box.start, box.end, type)[0];
  return box;
}

function mp4Metadata(bytes: Buffer): VideoMetadata | undefined {
  const moov = boxes(bytes, 0, bytes.length, 'moov')[0];
  if (!moov) return undefined;
  for (const trak of boxes(bytes, moov.start, moov.end, 'trak')) {
    const hdlr = child(bytes, trak, ['mdia', 'hdlr']);
    if (!hdlr || bytes.toString('latin1', hdlr.start + 8, hdlr.start + 12) !== 'vide') continue;
    const tkhd = child(bytes, trak, ['tkhd']);
    if (!tkhd) return undefined;
    // The last 8 bytes of tkhd: width and height as 16.16 fixed-point numbers.
    const width = Math.round(bytes.readUInt32BE(tkhd.end - 8) / 65536);
    const height = Math.round(bytes.readUInt32BE(tkhd.end - 4) / 65536);
    const mdhd = child(bytes, trak, ['mdia', 'mdhd']);
    const stts = child(bytes, trak, ['mdia', 'minf', 'stbl', 'stts']);
    let duration: number | null = null;
    let frameRate: number | null = null;
    if (mdhd) {
      const v1 = bytes[mdhd.start] === 1;
      const timescale = bytes.readUInt32BE(mdhd.start + (v1 ? 20 : 12));
      const units = v1
        ? Number(bytes.readBigUInt64BE(mdhd.start + 24))
        : bytes.readUInt32BE(mdhd.start + 16);
      if (timescale > 0 && units > 0) {
        duration = units / timescale;
        const frames = stts ? sampleCount(bytes, stts) : 0;
        if (frames > 0) frameRate = frames / duration;
      }
    }
    return width > 0 && height > 0 ? { width, height, frameRate, duration } : undefined;
  }
  return undefined;
}

function sampleCount(bytes: Buffer, stts: Box): number {
  const entries = bytes.readUInt32BE(stts.start + 4);
  let frames = 0;
  for (let index = 0; index < entries; index += 1) {
    const at = stts.start + 8 + index * 8;
    if (at + 8 > stts.end) break;
    frames += bytes.readUInt32BE(at);
  }
  return frames;
}

/** EBML element ids (with their length marker bits), as Matroska's specification numbers them. */
const EBML = {
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackType: 0x83,
  defaultDuration: 0x23e383,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
};

interface Element {
  id: number;
  start: number;
  end: number;
}

function readVint(
  bytes: Buffer,
  at: number,
  keepMarker: boolean,
): { value: number; length: number } | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length += 1;
  if (length > 8 || at + length > bytes.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let index = 1; index < length; index += 1) value = value * 256 + (bytes[at + index] ?? 0);
  // All ones: an unknown size (a live recording's Segment and Clusters).
  const unknown = !keepMarker && value === 2 ** (7 * length) - 1;
  return { value: unknown ? Number.POSITIVE_INFINITY : value, length };
}

function elements(bytes: Buffer, start: number, end: number): Element[] {
  const found: Element[] = [];
  let at = start;
  while (at < end) {
    const id = readVint(bytes, at, true);
    if (!id) break;
    const size = readVint(bytes, at + id.length, false);
    if (!size) break;
    const bodyStart = at + id.length + size.length;
    const bodyEnd = Math.min(end, bodyStart + size.value);
    found.push({ id: id.value, start: bodyStart, end: bodyEnd });
    at = bodyEnd;
  }
  return found;
}

function find(bytes: Buffer, parent: Element | undefined, id: number): Element | undefined {
  return parent && elements(bytes, parent.start, parent.end).find((item) => item.id === id);
}

function uint(bytes: Buffer, element: Element | undefined): number | undefined {
  if (!element) return undefined;
  let value = 0;
  for (let at = element.start; at < element.end; at += 1) value = value * 256 + (bytes[at] ?? 0);
  return value;
}

function float(bytes: Buffer, element: Element | undefined): number | undefined {
  if (!element) return undefined;
  const length = element.end - element.start;
  if (length === 4) return bytes.readFloatBE(element.start);
  if (length === 8) return bytes.readDoubleBE(element.start);
  return undefined;
}

function webmMetadata(bytes: Buffer): VideoMetadata | undefined {
  const segment = elements(bytes, 0, bytes.length).find((item) => item.id === EBML.segment);
  if (!segment) return undefined;
  const top = elements(bytes, segment.start, segment.end);
  const info = top.find((item) => item.id === EBML.info);
  const tracks = top.find((item) => item.id === EBML.tracks);
  const entries = tracks ? elements(bytes, tracks.start, tracks.end) : [];
  const track = entries.find(
    (entry) =>
      entry.id === EBML.trackEntry && uint(bytes, find(bytes, entry, EBML.trackType)) === 1,
  );
  const video = find(bytes, track, EBML.video);
  const width = uint(bytes, find(bytes, video, EBML.pixelWidth));
  const height = uint(bytes, find(bytes, video, EBML.pixelHeight));
  if (!width || !height) return undefined;
  const scale = uint(bytes, find(bytes, info, EBML.timecodeScale)) ?? 1_000_000;
  const ticks = float(bytes, find(bytes, info, EBML.duration));
  const frameNs = uint(bytes, find(bytes, track, EBML.defaultDuration));
  return {
    width,
    height,
    frameRate: frameNs ? 1e9 / frameNs : null,
    duration: ticks === undefined ? null : (ticks * scale) / 1e9,
  };
}
