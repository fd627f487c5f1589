import { expect } from 'vitest';

/** The fastest of a few runs: the least disturbed by whatever else the machine is doing. */
function fastestRun(work: () => void, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * Fails when the work grows faster than its input: the time for `factor` times the input must stay
 * under `factor × slack` times the time for the input itself. A quadratic path (the usual hostile-input
 * failure) takes `factor²` as long, so it fails whatever the machine's speed or load; an absolute time
 * limit would fail on a loaded machine and pass a quadratic path on a fast one.
 */
export function expectLinearGrowth(
  workFor: (scale: number) => () => void,
  { factor = 4, slack = 2, runs = 5 }: { factor?: number; slack?: number; runs?: number } = {},
): void {
  const small = workFor(1);
  const large = workFor(factor);
  // Warm both paths first so the JIT compiles them before anything is timed.
  small();
  large();
  const smallTime = Math.max(fastestRun(small, runs), 0.5);
  const largeTime = fastestRun(large, runs);
  expect(largeTime / smallTime).toBeLessThan(factor * slack);
}
