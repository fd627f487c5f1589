import { describe, expect, it } from 'vitest';
import type { ExifOrientation } from '@/utils/media/exif';
import { orientationTransform } from '@/utils/media/orientation';

const W = 4;
const H = 2;

function apply(o: ExifOrientation, x: number, y: number): [number, number] {
  const [a, b, c, d, e, f] = orientationTransform(o, W, H);
  return [a * x + c * y + e, b * x + d * y + f];
}

describe('orientationTransform', () => {
  // Where the stored picture's top-left pixel must be shown, per the Exif specification.
  it.each([
    [1, 'top-left'],
    [2, 'top-right'],
    [3, 'bottom-right'],
    [4, 'bottom-left'],
    [5, 'top-left'],
    [6, 'top-right'],
    [7, 'bottom-right'],
    [8, 'bottom-left'],
  ] as const)('orientation %i shows the stored top-left corner at the %s', (o, corner) => {
    const outW = o >= 5 ? H : W;
    const outH = o >= 5 ? W : H;
    const [x, y] = apply(o, 0.5, 0.5);
    const expected = {
      'top-left': [0.5, 0.5],
      'top-right': [outW - 0.5, 0.5],
      'bottom-left': [0.5, outH - 0.5],
      'bottom-right': [outW - 0.5, outH - 0.5],
    }[corner];
    expect([x, y]).toEqual(expected);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8] as const)(
    'orientation %i maps every pixel inside the output once',
    (o) => {
      const outW = o >= 5 ? H : W;
      const outH = o >= 5 ? W : H;
      const seen = new Set<string>();
      for (let y = 0; y < H; y++) {
        for (let x = 0; x < W; x++) {
          const [u, v] = apply(o, x + 0.5, y + 0.5);
          expect(u).toBeGreaterThan(0);
          expect(u).toBeLessThan(outW);
          expect(v).toBeGreaterThan(0);
          expect(v).toBeLessThan(outH);
          seen.add(`${u},${v}`);
        }
      }
      expect(seen.size).toBe(W * H);
    },
  );
});
