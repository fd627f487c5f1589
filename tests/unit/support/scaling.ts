import { expect } from 'vitest';

/**
 * Fails when the work grows much faster than its input. The input is made `factor` times larger, and
 * the larger run is timed against the small one run `factor` times over, so both timings cover the
 * same amount of linear work and last about as long: linear work gives a ratio near 1, n log n near
 * 1.3, and a quadratic path (the usual hostile-input failure) near `factor`, against a limit of
 * `slack`. Timing equal spans keeps the timer's grain and per-call overhead out of the ratio (a
 * sub-millisecond small run once made a linear path look 28 times slower on a loaded machine). The
 * two are timed in turns and the fastest of each is kept, so a burst of load elsewhere cannot pass
 * for growth; no absolute time limit, which would fail on a loaded machine and let a quadratic path
 * pass on a fast one.
 */
export function expectLinearGrowth(
  workFor: (scale: number) => () => void,
  { factor = 8, slack = 3, runs = 7 }: { factor?: number; slack?: number; runs?: number } = {},
): void {
  const once = workFor(1);
  const small = (): void => {
    for (let time = 0; time < factor; time += 1) once();
  };
  const large = workFor(factor);
  // Warm both paths first so the JIT compiles them before anything is timed.
  small();
  large();
  let smallTime = Number.POSITIVE_INFINITY;
  let largeTime = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    smallTime = Math.min(smallTime, timed(small));
    largeTime = Math.min(largeTime, timed(large));
  }
  expect(largeTime / Math.max(smallTime, 0.01)).toBeLessThan(slack);
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}
