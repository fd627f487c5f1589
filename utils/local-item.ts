import { nativeBrowser } from './native-browser';

/** What pages and the background do with a stored value: read it, write it, follow it. */
export interface StoredItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls back with each new value (the fallback when removed); returns the unwatch. */
  watch(callback: (value: T) => void): () => void;
}

/** A value in `storage.local` under one key, with the value it has while unset. */
export interface LocalItem<T> extends StoredItem<T> {
  readonly key: string;
  readonly fallback: T;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Deep equality of stored (structured-clone, JSON-like) values. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = a as Record<string, Json>;
  const right = b as Record<string, Json>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && sameValue(left[key], right[key]));
}

const area = () => nativeBrowser().storage.local;

/**
 * A `storage.local` item read and written through the browser's own API. The same keys and
 * behaviour as WXT's `storage.defineItem('local:key', { fallback })` (unset or null reads as the
 * fallback, writing null removes the key, a write that changes nothing calls no watcher), without
 * WXT's storage wrapper and the polyfill: the popup's first frame reads and writes these items
 * before anything else has loaded.
 */
export function localItem<T>(key: string, fallback: T): LocalItem<T> {
  return {
    key,
    fallback,
    async getValue() {
      const stored = (await area().get(key))[key] as T | null | undefined;
      return stored ?? fallback;
    },
    async setValue(value) {
      if (value === null || value === undefined) await area().remove(key);
      else await area().set({ [key]: value });
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[key];
        if (!change || sameValue(change.newValue, change.oldValue)) return;
        callback((change.newValue as T | null | undefined) ?? fallback);
      };
      area().onChanged.addListener(listener);
      return () => area().onChanged.removeListener(listener);
    },
  };
}

type ValuesOf<Items extends readonly LocalItem<unknown>[]> = {
  -readonly [Index in keyof Items]: Items[Index] extends LocalItem<infer Value> ? Value : never;
};

/**
 * Several items in one storage read (each its fallback when unset), where reading them one after
 * another costs a round trip to the browser each.
 */
export async function readLocalItems<const Items extends readonly LocalItem<unknown>[]>(
  items: Items,
): Promise<ValuesOf<Items>> {
  const stored = await area().get(items.map((item) => item.key));
  return items.map((item) => (stored[item.key] as unknown) ?? item.fallback) as ValuesOf<Items>;
}
