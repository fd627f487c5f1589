import { describe, expect, it } from 'vitest';
import { readJpegOrientation, swapsAxes } from '@/utils/media/exif';
import { buildExifApp1 } from '../../media/exif-fixture';

const SOI = [0xff, 0xd8];
const APP0_JFIF = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
const SCAN = [0xff, 0xda, 0, 2, 0x12, 0x34, 0xff, 0xd9];

const jpeg = (...segments: (Uint8Array | number[])[]): Uint8Array =>
  new Uint8Array([...SOI, ...segments.flatMap((s) => [...s]), ...SCAN]);

describe('readJpegOrientation', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('reads orientation %i in both byte orders', (orientation) => {
    expect(readJpegOrientation(jpeg(buildExifApp1({ orientation })))).toBe(orientation);
    expect(readJpegOrientation(jpeg(buildExifApp1({ orientation, littleEndian: true })))).toBe(
      orientation,
    );
  });

  it('finds Exif after JFIF and XMP segments, next to a GPS block', () => {
    const xmpHeader = [...'http://ns.adobe.com/xap/1.0/\0'].map((c) => c.charCodeAt(0));
    const xmp = [0xff, 0xe1, 0, xmpHeader.length + 2, ...xmpHeader];
    const input = jpeg(APP0_JFIF, xmp, buildExifApp1({ orientation: 6, gps: true }));
    expect(readJpegOrientation(input)).toBe(6);
  });

  it('skips fill bytes between segments', () => {
    expect(readJpegOrientation(jpeg([0xff, 0xff], buildExifApp1({ orientation: 8 })))).toBe(8);
  });

  it('is 1 when there is no Exif block, or it comes after the image data', () => {
    expect(readJpegOrientation(jpeg(APP0_JFIF))).toBe(1);
    const late = new Uint8Array([
      ...SOI,
      ...SCAN.slice(0, 6),
      ...buildExifApp1({ orientation: 3 }),
    ]);
    expect(readJpegOrientation(late)).toBe(1);
  });

  it('is 1 for values outside 1–8 and for the wrong value type', () => {
    expect(readJpegOrientation(jpeg(buildExifApp1({ orientation: 0 })))).toBe(1);
    expect(readJpegOrientation(jpeg(buildExifApp1({ orientation: 9 })))).toBe(1);
    const app1 = buildExifApp1({ orientation: 6 });
    // Marker and length (4), "Exif\0\0" (6), TIFF header (8), entry count (2), tag (2): the
    // big-endian type's low byte is at 23. LONG instead of SHORT must not be read as a SHORT.
    app1[23] = 4;
    expect(readJpegOrientation(jpeg(app1))).toBe(1);
  });

  it('is 1 for anything that is not a JPEG', () => {
    expect(readJpegOrientation(new Uint8Array())).toBe(1);
    expect(readJpegOrientation(new TextEncoder().encode('Exif MM orientation 6'))).toBe(1);
    expect(readJpegOrientation(buildExifApp1({ orientation: 6 }))).toBe(1);
  });

  it('never throws on truncated or corrupted input', () => {
    const good = jpeg(APP0_JFIF, buildExifApp1({ orientation: 6, gps: true }));
    for (let end = 0; end <= good.length; end++) {
      const value = readJpegOrientation(good.subarray(0, end));
      expect(value).toBeGreaterThanOrEqual(1);
      expect(value).toBeLessThanOrEqual(8);
    }
    let seed = 7;
    for (let round = 0; round < 500; round++) {
      const broken = good.slice();
      for (let flips = 0; flips < 4; flips++) {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
        broken[seed % broken.length] = seed >>> 24;
      }
      const value = readJpegOrientation(broken);
      expect(Number.isInteger(value) && value >= 1 && value <= 8).toBe(true);
    }
  });

  it('reads from a view into a larger buffer', () => {
    const inner = jpeg(buildExifApp1({ orientation: 5, littleEndian: true }));
    const outer = new Uint8Array(inner.length + 100);
    outer.set(inner, 37);
    expect(readJpegOrientation(outer.subarray(37, 37 + inner.length))).toBe(5);
  });
});

describe('swapsAxes', () => {
  it('is true exactly for the quarter turns', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((o) => swapsAxes(o as 1))).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
  });
});
