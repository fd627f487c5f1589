import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFrozenErrors } from './error-literals';

const ROOT = `${resolve('.')}/`;

/**
 * Files whose errors are still written out, with how many, each waiting to move to words().
 * Kept exact, so the list can only shrink: fewer fails too, until the file is taken off it.
 */
const NOT_YET_KEYED: Record<string, number> = {};

const files = ['components', 'entrypoints', 'utils']
  .flatMap((dir) =>
    readdirSync(`${ROOT}${dir}`, { recursive: true, encoding: 'utf8' }).map(
      (file) => `${dir}/${file}`,
    ),
  )
  .filter((file) => /\.tsx?$/.test(file))
  .sort();

const frozen = (file: string) =>
  findFrozenErrors(file, readFileSync(`${ROOT}${file}`, 'utf8')).map(
    (item) => `${file}:${item.line} ${item.text}`,
  );

describe('errors are kept as message keys, so recorded ones change language with the user', () => {
  it('scans the sources', () => {
    expect(files.filter((file) => file.startsWith('utils/networks/')).length).toBeGreaterThan(20);
  });

  it.each(files.filter((file) => !(file in NOT_YET_KEYED)))(
    '%s words every CrosswindError through words()',
    (file) => {
      expect(frozen(file)).toEqual([]);
    },
  );

  it.each(Object.entries(NOT_YET_KEYED))('%s still has %i written-out errors', (file, count) => {
    expect(frozen(file)).toHaveLength(count);
  });
});
