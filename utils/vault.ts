import { defineObjectStore } from './idb';

/**
 * Secrets (tokens, client secrets, Bluesky sessions) live in the extension origin's IndexedDB:
 * unlike storage.local, content scripts cannot read it, and only the background opens it.
 */
const run = defineObjectStore('crosswind-vault', 'secrets');

/** A typed slot in the vault, one per kind of secret. */
export interface VaultItem<T> {
  get(id: string): Promise<T | undefined>;
  set(id: string, value: T): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Defines a family of secrets under one prefix, e.g. `mastodon-token:<account id>`. */
export function defineVaultItem<T>(prefix: string): VaultItem<T> {
  const key = (id: string) => `${prefix}:${id}`;
  return {
    get: (id) => run<T | undefined>('readonly', (store) => store.get(key(id))),
    set: async (id, value) => {
      await run('readwrite', (store) => store.put(value, key(id)));
    },
    remove: async (id) => {
      await run('readwrite', (store) => store.delete(key(id)));
    },
  };
}
