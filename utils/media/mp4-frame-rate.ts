/**
 * The frame rate an MP4 or QuickTime file declares for its video track: frames counted in the
 * sample table (`stts`) over the track's length (`mdhd`), as ffprobe's average frame rate is,
 * which is what Mastodon checks against `video_frame_rate_limit`. Undefined when the file does
 * not say (a fragmented MP4 from a recorder keeps its samples outside `moov`).
 */
export function mp4FrameRate(moov: DataView): number | undefined {
  for (const trak of children(moov, 0, moov.byteLength, 'trak')) {
    const mdia = first(moov, trak, 'mdia');
    if (!mdia) continue;
    const hdlr = first(moov, mdia, 'hdlr');
    if (!hdlr || fourcc(moov, hdlr.start + 8) !== 'vide') continue;
    const mdhd = first(moov, mdia, 'mdhd');
    const stbl = path(moov, mdia, ['minf', 'stbl']);
    const stts = stbl && first(moov, stbl, 'stts');
    if (!mdhd || !stts) return undefined;
    const { timescale, duration } = mediaHeader(moov, mdhd.start);
    const frames = sampleCount(moov, stts.start);
    if (!timescale || !duration || !frames) return undefined;
    return Math.round((frames * timescale * 100) / duration) / 100;
  }
  return undefined;
}

/**
 * Finds the top-level `moov` box by reading only box headers, so a 100 MB file costs a few small
 * reads; answers its bytes (without its header), or undefined when there is none.
 */
export async function readMoov(file: Blob): Promise<DataView | undefined> {
  let at = 0;
  while (at + 8 <= file.size) {
    const head = new DataView(await file.slice(at, at + 16).arrayBuffer());
    let size = head.getUint32(0);
    const type = fourcc(head, 4);
    let header = 8;
    if (size === 1 && head.byteLength >= 16) {
      size = Number(head.getBigUint64(8));
      header = 16;
    } else if (size === 0) {
      size = file.size - at;
    }
    if (size < header) return undefined;
    // A frame-rate lookup is not worth reading an absurd box into memory.
    if (type === 'moov') {
      if (size > 64 * 1024 * 1024) return undefined;
      return new DataView(await file.slice(at + header, at + size).arrayBuffer());
    }
    at += size;
  }
  return undefined;
}

interface Box {
  /** Offset of the box's content (after its header). */
  start: number;
  end: number;
}

function* children(view: DataView, start: number, end: number, type: string): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    const size = view.getUint32(at);
    if (size < 8 || at + size > end) return;
    if (fourcc(view, at + 4) === type) yield { start: at + 8, end: at + size };
    at += size;
  }
}

function first(view: DataView, parent: Box, type: string): Box | undefined {
  for (const box of children(view, parent.start, parent.end, type)) return box;
  return undefined;
}

function path(view: DataView, parent: Box, types: string[]): Box | undefined {
  let box: Box | undefined = parent;
  for (const type of types) box = box && first(view, box, type);
  return box;
}

function mediaHeader(view: DataView, at: number): { timescale: number; duration: number } {
  // Version 1 has 64-bit times; version 0 32-bit ones.
  return view.getUint8(at) === 1
    ? { timescale: view.getUint32(at + 20), duration: Number(view.getBigUint64(at + 24)) }
    : { timescale: view.getUint32(at + 12), duration: view.getUint32(at + 16) };
}

function sampleCount(view: DataView, at: number): number {
  const entries = view.getUint32(at + 4);
  let frames = 0;
  for (let index = 0; index < entries; index += 1) {
    const entry = at + 8 + index * 8;
    if (entry + 8 > view.byteLength) break;
    frames += view.getUint32(entry);
  }
  return frames;
}

function fourcc(view: DataView, at: number): string {
  let text = '';
  for (let index = 0; index < 4 && at + index < view.byteLength; index += 1) {
    text += String.fromCharCode(view.getUint8(at + index));
  }
  return text;
}
