import { t, type PlainKey } from './messages';

/**
 * A table of names (visibilities, labels…) whose every read is translated then, so the table can
 * be a module constant and still follow the language loaded after the module was.
 */
// t()'s overloads cannot narrow a union of plain keys to "no arguments"; PlainKey guarantees it.
const plain = t as (key: PlainKey) => string;

export function translatedNames<K extends string>(
  keys: Readonly<Record<K, PlainKey>>,
): Readonly<Record<K, string>> {
  const names = {} as Record<K, string>;
  for (const name of Object.keys(keys) as K[]) {
    Object.defineProperty(names, name, { enumerable: true, get: () => plain(keys[name]) });
  }
  return names;
}
