import { describe, expect, it } from 'vitest';
import { expectLinearGrowth } from './scaling';

function sumOf(values: number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum;
}

function pairsOf(values: number[]): number {
  let sum = 0;
  for (const a of values) for (const b of values) sum += a ^ b;
  return sum;
}

const numbers = (count: number): number[] => Array.from({ length: count }, (_, index) => index);

describe('expectLinearGrowth', () => {
  it('passes work that grows with its input', () => {
    expectLinearGrowth((scale) => {
      const values = numbers(200_000 * scale);
      return () => void sumOf(values);
    });
  });

  it('fails work that grows with the square of its input', () => {
    expect(() =>
      expectLinearGrowth((scale) => {
        const values = numbers(300 * scale);
        return () => void pairsOf(values);
      }),
    ).toThrow();
  });
});
