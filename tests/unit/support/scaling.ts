import { expect } from 'vitest';

/**
 * Fails when the work grows much faster than its input. The input is made `factor` times larger; the
 * larger run may take at most `factor × slack` times as long. With the defaults, linear work takes
 * about 8 times as long, n log n about 10, and a quadratic path (the usual hostile-input failure)
 * 64: it fails whatever the machine's speed or load, where an absolute time limit would fail on a
 * loaded machine and let a quadratic path pass on a fast one. The two sizes are timed in turns and
 * the fastest run of each is kept, so a burst of load elsewhere cannot pass for growth.
 */
export function expectLinearGrowth(
  workFor: (scale: number) => () => void,
  { factor = 8, slack = 3, runs = 5 }: { factor?: number; slack?: number; runs?: number } = {},
): void {
  const small = workFor(1);
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
  expect(largeTime / Math.max(smallTime, 1)).toBeLessThan(factor * slack);
}

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}
