import type { Draft } from './draft';

/** Whether two versions of a draft differ in nothing but `keys`. */
export function differsOnlyIn(
  before: Draft,
  after: Draft,
  keys: ReadonlySet<keyof Draft>,
): boolean {
  const all = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Draft)[]);
  return [...all].every((key) => keys.has(key) || before[key] === after[key]);
}
