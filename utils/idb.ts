/** Runs one request in a transaction of an object store and resolves when the transaction commits. */
export type StoreRunner = <T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest,
) => Promise<T>;

/**
 * One object store in the extension origin's IndexedDB (a database with just that store),
 * opened on first use and kept open.
 */
export function defineObjectStore(dbName: string, storeName: string): StoreRunner {
  let opening: Promise<IDBDatabase> | undefined;

  const open = (): Promise<IDBDatabase> => {
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(`Could not open ${dbName}`));
    }).catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };

  return async <T>(
    mode: IDBTransactionMode,
    action: (store: IDBObjectStore) => IDBRequest,
  ): Promise<T> => {
    const db = await open();
    return new Promise<T>((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const request = action(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request.result as T);
      transaction.onerror = () => reject(transaction.error ?? new Error(`${dbName} failed`));
      transaction.onabort = () => reject(transaction.error ?? new Error(`${dbName} aborted`));
    });
  };
}
