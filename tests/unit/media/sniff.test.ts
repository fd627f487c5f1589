import { describe, expect, it } from 'vitest';
import { countGifFrames, gifSize } from '@/utils/media/gif';
import { sniffImage } from '@/utils/media/sniff';
import { buildGif } from '../../media/gif-fixture';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part,
    ),
  );
const u32be = (v: number): number[] => [v >>> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255];
const ftyp = (major: string, ...compatible: string[]): Uint8Array =>
  bytes(
    u32be(16 + 4 * compatible.length),
    'ftyp',
    major,
    [0, 0, 0, 0],
    ...compatible,
    [0, 0, 0, 0],
  );
const riff = (chunk: string, payload: number[]): Uint8Array =>
  bytes('RIFF', [0, 0, 0, 0], 'WEBP', chunk, [payload.length, 0, 0, 0], payload);
const vp8x = (flags: number): Uint8Array => riff('VP8X', [flags, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('sniffImage', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF')],
    ['png', bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR')],
    ['gif', buildGif(2, 2, [0])],
    ['gif', bytes('GIF87a', [1, 0, 1, 0, 0, 0, 0, 0x3b])],
    ['webp', riff('VP8 ', [0, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
    ['webp', riff('VP8L', [0x2f, 0, 0, 0, 0])],
    ['heic', ftyp('heic', 'mif1', 'heic')],
    ['heic', ftyp('mif1', 'mif1', 'heic')],
    ['heic', ftyp('heix', 'mif1')],
    ['avif', ftyp('avif', 'mif1', 'miaf')],
    ['avif', ftyp('mif1', 'avif', 'mif1')],
    ['bmp', bytes('BM', [0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0])],
  ])('detects %s', (format, input) => {
    expect(sniffImage(input).format).toBe(format);
  });

  it('reports animation only for GIFs with more than one frame', () => {
    expect(sniffImage(buildGif(4, 4, [0])).animated).toBe(false);
    expect(sniffImage(buildGif(4, 4, [0, 1])).animated).toBe(true);
    expect(sniffImage(buildGif(300, 200, [0, 1, 0])).animated).toBe(true);
  });

  it('reads the animation flag of extended WebP', () => {
    expect(sniffImage(vp8x(0x02)).animated).toBe(true);
    expect(sniffImage(vp8x(0x10)).animated).toBe(false);
  });

  it('calls a text file named .jpg what it is', () => {
    const text = new TextEncoder().encode('Dear diary,\r\n\tthis is not a picture. Ünïcödé too.\n');
    expect(sniffImage(text)).toEqual({ format: 'unknown', animated: false, looksLikeText: true });
  });

  it('does not take text starting with "BM" for a bitmap', () => {
    expect(sniffImage(new TextEncoder().encode('BMW service record, 2024')).format).toBe('unknown');
  });

  it.each([
    ['an MP4 video', ftyp('isom', 'isom', 'mp42')],
    ['a QuickTime movie', ftyp('qt  ')],
    ['a PDF', bytes('%PDF-1.7', [0x0a, 0x25, 0xe2, 0xe3])],
    ['a ZIP', bytes('PK', [3, 4, 20, 0, 0, 0])],
    ['an empty file', new Uint8Array()],
    ['a truncated JPEG marker', bytes([0xff, 0xd8])],
  ])('does not mistake %s for an image', (_, input) => {
    expect(sniffImage(input).format).toBe('unknown');
  });

  it('does not call binary garbage text', () => {
    expect(sniffImage(bytes([0, 1, 2, 3, 250, 251])).looksLikeText).toBe(false);
  });
});

describe('GIF structure', () => {
  it('counts frames by walking blocks, stopping early when asked', () => {
    expect(countGifFrames(buildGif(3, 3, [0, 1, 0, 1]), 10)).toBe(4);
    expect(countGifFrames(buildGif(3, 3, [0, 1, 0, 1]))).toBe(2);
    expect(countGifFrames(buildGif(3, 3, [1]))).toBe(1);
  });

  it('is not fooled by 0x2C bytes inside image data', () => {
    // Image data may hold any byte, including the image (0x2C), extension (0x21) and end (0x3B)
    // introducers; only the block structure tells them apart.
    const gif = bytes(
      'GIF89a',
      [1, 0, 1, 0, 0, 0, 0],
      [0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2],
      [6, 0x2c, 0x2c, 0x21, 0xf9, 0x3b, 0x2c, 0],
      [0x3b],
    );
    expect(countGifFrames(gif, 10)).toBe(1);
  });

  it('survives truncated files', () => {
    const gif = buildGif(8, 8, [0, 1]);
    for (let end = 0; end < gif.length; end += 7) {
      expect(() => countGifFrames(gif.subarray(0, end))).not.toThrow();
    }
  });

  it('reads the declared size', () => {
    expect(gifSize(buildGif(300, 200, [0]))).toEqual({ width: 300, height: 200 });
  });
});
