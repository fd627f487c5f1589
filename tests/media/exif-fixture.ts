/**
 * Builds real Exif APP1 segments for tests, so the reader and the pipeline are checked against
 * the bytes cameras write rather than against our own parser's idea of them.
 */

/** A marker string hidden in the GPS IFD; finding it in an output proves location data leaked. */
export const GPS_SECRET = 'CROSSWIND-GPS-SECRET';

interface Entry {
  tag: number;
  type: 2 | 3 | 4 | 5;
  count: number;
  /** Raw value bytes in file order; four bytes or fewer are stored inline. */
  data: number[];
}

/** A NUL-terminated ASCII value, as Exif stores text. */
function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0)).concat(0);
}

const TYPE_SIZE = { 2: 1, 3: 2, 4: 4, 5: 8 } as const;

/** Options for {@link buildExifApp1}. */
export interface ExifOptions {
  orientation: number;
  littleEndian?: boolean;
  gps?: boolean;
}

/** An APP1 segment (marker included) with IFD0 Orientation and, optionally, a GPS IFD. */
export function buildExifApp1(options: ExifOptions): Uint8Array {
  const le = options.littleEndian ?? false;
  const u16 = (v: number): number[] => (le ? [v & 255, v >> 8] : [v >> 8, v & 255]);
  const u32 = (v: number): number[] =>
    le
      ? [v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24]
      : [v >>> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255];
  const rational = (n: number, d: number): number[] => [...u32(n), ...u32(d)];

  const gpsEntries: Entry[] = [
    { tag: 0x0001, type: 2, count: 2, data: ascii('N') },
    {
      tag: 0x0002,
      type: 5,
      count: 3,
      data: [...rational(52, 1), ...rational(22, 1), ...rational(1234, 100)],
    },
    { tag: 0x0003, type: 2, count: 2, data: ascii('E') },
    {
      tag: 0x0004,
      type: 5,
      count: 3,
      data: [...rational(4, 1), ...rational(53, 1), ...rational(5678, 100)],
    },
    { tag: 0x0012, type: 2, count: GPS_SECRET.length + 1, data: ascii(GPS_SECRET) },
  ];

  // Layout: TIFF header (8) | IFD0 | GPS IFD | GPS overflow data. Offsets are from the TIFF header.
  const ifd0Count = options.gps ? 2 : 1;
  const ifd0Size = 2 + ifd0Count * 12 + 4;
  const gpsOffset = 8 + ifd0Size;
  const ifd0: Entry[] = [{ tag: 0x0112, type: 3, count: 1, data: u16(options.orientation) }];
  if (options.gps) ifd0.push({ tag: 0x8825, type: 4, count: 1, data: u32(gpsOffset) });

  const tiff: number[] = [...(le ? [0x49, 0x49] : [0x4d, 0x4d]), ...u16(42), ...u32(8)];
  tiff.push(...ifdBytes(ifd0, 8 + ifd0Size, u16, u32).head);
  if (options.gps) {
    const gpsSize = 2 + gpsEntries.length * 12 + 4;
    const { head, tail } = ifdBytes(gpsEntries, gpsOffset + gpsSize, u16, u32);
    tiff.push(...head, ...tail);
  }

  const exif = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
  const length = exif.length + 2;
  return new Uint8Array([0xff, 0xe1, length >> 8, length & 255, ...exif]);
}

function ifdBytes(
  entries: Entry[],
  overflowAt: number,
  u16: (v: number) => number[],
  u32: (v: number) => number[],
): { head: number[]; tail: number[] } {
  const head = [...u16(entries.length)];
  const tail: number[] = [];
  for (const entry of entries) {
    head.push(...u16(entry.tag), ...u16(entry.type), ...u32(entry.count));
    const size = TYPE_SIZE[entry.type] * entry.count;
    if (size <= 4) {
      head.push(...entry.data, ...Array.from({ length: 4 - entry.data.length }, () => 0));
    } else {
      head.push(...u32(overflowAt + tail.length));
      tail.push(...entry.data);
      if (tail.length % 2) tail.push(0);
    }
  }
  head.push(...u32(0));
  return { head, tail };
}

/** Inserts a segment right after SOI, where cameras put their Exif block. */
export function spliceAfterSoi(jpeg: Uint8Array, segment: Uint8Array): Uint8Array {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2), 0);
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}

/** Whether `needle` occurs in `haystack`; used to prove metadata was stripped. */
export function containsBytes(haystack: Uint8Array, needle: Uint8Array | string): boolean {
  const n = typeof needle === 'string' ? new TextEncoder().encode(needle) : needle;
  outer: for (let i = 0; i + n.length <= haystack.length; i++) {
    for (let j = 0; j < n.length; j++) if (haystack[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}
