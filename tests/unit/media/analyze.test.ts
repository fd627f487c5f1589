import { describe, expect, it } from 'vitest';
import { summarizePixels } from '@/utils/media/analyze';

function pixels(count: number, pick: (i: number) => [number, number, number, number]): Uint8Array {
  const out = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) out.set(pick(i), i * 4);
  return out;
}

describe('summarizePixels', () => {
  it('calls a noisy opaque picture a photo', () => {
    let seed = 1;
    const noise = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 24;
    expect(summarizePixels(pixels(4096, () => [noise(), noise(), noise(), 255]))).toEqual({
      transparent: false,
      flat: false,
    });
  });

  it('calls a screenshot with a few colours flat', () => {
    const palette: [number, number, number, number][] = [
      [255, 255, 255, 255],
      [30, 30, 30, 255],
      [0, 120, 215, 255],
    ];
    expect(
      summarizePixels(pixels(4096, (i) => palette[i % 7 === 0 ? 1 : i % 11 === 0 ? 2 : 0]!)),
    ).toEqual({
      transparent: false,
      flat: true,
    });
  });

  it('notices a single partly transparent pixel', () => {
    const result = summarizePixels(
      pixels(4096, (i) => [i & 255, i >> 4, 7, i === 4000 ? 254 : 255]),
    );
    expect(result.transparent).toBe(true);
  });

  it('treats no samples as neither', () => {
    expect(summarizePixels(new Uint8Array())).toEqual({ transparent: false, flat: false });
  });
});
