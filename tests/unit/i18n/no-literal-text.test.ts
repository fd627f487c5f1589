import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiteralText } from './jsx-literals';

const ROOT = `${resolve('.')}/`;

/**
 * Components whose words are not yet in locales/, each with the reason. Kept exact: a file
 * listed here that has no literal left fails the test, so the list can only shrink.
 */
const NOT_YET_TRANSLATED: Record<string, string> = {};

const files = ['components', 'entrypoints', 'utils']
  .flatMap((dir) =>
    readdirSync(`${ROOT}${dir}`, { recursive: true, encoding: 'utf8' }).map(
      (file) => `${dir}/${file}`,
    ),
  )
  .filter((file) => file.endsWith('.tsx'))
  .sort();

describe('components take every word from t()', () => {
  it('scans the components', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.filter((file) => !(file in NOT_YET_TRANSLATED)))(
    '%s has no literal text',
    (file) => {
      const found = findLiteralText(file, readFileSync(`${ROOT}${file}`, 'utf8'));
      expect(found.map((item) => `${file}:${item.line} ${item.text}`)).toEqual([]);
    },
  );

  it.each(Object.keys(NOT_YET_TRANSLATED))(
    '%s is still listed as untranslated for a reason',
    (file) => {
      const found = findLiteralText(file, readFileSync(`${ROOT}${file}`, 'utf8'));
      expect(found.length).toBeGreaterThan(0);
    },
  );
});
