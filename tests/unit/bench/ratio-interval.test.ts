import { describe, expect, it } from 'vitest';
import { medianRatioInterval } from '../../bench/ratio-interval';

/** Samples around `center` with a spread, in a fixed order. */
const around = (center: number, count: number, spread: number) =>
  Array.from(
    { length: count },
    (_, index) => center + (((index * 37) % count) / count - 0.5) * spread,
  );

describe('medianRatioInterval', () => {
  it('holds the ratio of the medians, narrowly for tight samples', () => {
    const { low, high } = medianRatioInterval(around(55, 60, 2), around(50, 60, 2));
    expect(low).toBeLessThanOrEqual(1.1);
    expect(high).toBeGreaterThanOrEqual(1.1);
    expect(high - low).toBeLessThan(0.03);
  });

  it('widens with the spread of the samples and narrows with their number', () => {
    const wide = medianRatioInterval(around(55, 30, 30), around(50, 30, 30));
    const more = medianRatioInterval(around(55, 120, 30), around(50, 120, 30));
    expect(wide.high - wide.low).toBeGreaterThan(0.1);
    expect(more.high - more.low).toBeLessThan(wide.high - wide.low);
  });

  it('gives the same interval for the same samples', () => {
    const a = around(57, 60, 20);
    const b = around(49, 60, 20);
    expect(medianRatioInterval(a, b)).toEqual(medianRatioInterval(a, b));
  });

  it('refuses to work without samples', () => {
    expect(() => medianRatioInterval([], [1])).toThrow('needs samples');
  });
});
