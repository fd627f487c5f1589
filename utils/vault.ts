/**
 * Secrets (tokens, client secrets, Bluesky sessions) live in the extension origin's IndexedDB:
 * unlike storage.local, content scripts cannot read it, and only the background opens it.
 */
const DB_NAME = 'crosswind-vault';
const STORE = 'secrets';

let opening: Promise<IDBDatabase> | undefined;

function openVault(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('Could not open the vault'));
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

async function run<T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest,
): Promise<T> {
  const db = await openVault();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = action(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result as T);
    transaction.onerror = () => reject(transaction.error ?? new Error('Vault transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('Vault transaction aborted'));
  });
}

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
