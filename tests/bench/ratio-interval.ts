import { percentile } from './popup-measure';

/**
 * How far a ratio of two medians could move by chance: a bootstrap interval.
 *
 * Single popup opens on this machine spread over 30 ms, so the median ratio of one run is an
 * estimate; two copies of the same page, opened alternately in one run, came out up to 0.06
 * apart. The interval says how sure a run's verdict is: both sides' samples are drawn again with
 * replacement, many times, and the middle `share` of the resulting ratios is reported.
 */

/** A small seeded generator (mulberry32): the same samples give the same interval every time. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The median as the bench takes it. */
const median = (values: number[]) => percentile(values, 0.5);

function resample(values: number[], random: () => number): number[] {
  return values.map(() => values[Math.floor(random() * values.length)]!);
}

/** The interval holding the middle `share` of median(a) / median(b) over `rounds` resamplings. */
export function medianRatioInterval(
  a: number[],
  b: number[],
  share = 0.9,
  rounds = 2000,
): { low: number; high: number } {
  if (a.length === 0 || b.length === 0) throw new Error('a ratio of medians needs samples');
  const random = seeded(a.length * 7919 + b.length);
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    ratios.push(median(resample(a, random)) / median(resample(b, random)));
  }
  ratios.sort((x, y) => x - y);
  const tail = (1 - share) / 2;
  return {
    low: ratios[Math.floor(tail * (rounds - 1))]!,
    high: ratios[Math.ceil((1 - tail) * (rounds - 1))]!,
  };
}
