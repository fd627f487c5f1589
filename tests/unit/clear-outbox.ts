import { DB_NAME, JOBS_STORE, META_STORE } from '@/utils/outbox/db';
import { TOTALS_KEY } from '@/utils/outbox/totals';

/** Runs `work` in one readwrite transaction over the outbox's stores, if the database exists. */
async function behindTheStore(
  work: (stores: { jobs: IDBObjectStore; meta: IDBObjectStore }) => void,
): Promise<void> {
  const databases = await indexedDB.databases();
  if (!databases.some((database) => database.name === DB_NAME)) return;
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction([JOBS_STORE, META_STORE], 'readwrite');
      work({
        jobs: transaction.objectStore(JOBS_STORE),
        meta: transaction.objectStore(META_STORE),
      });
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onabort = () => reject(transaction.error);
    };
  });
}

/** Empties the outbox between tests (the database itself stays, as the store keeps it open). */
export function clearOutbox(): Promise<void> {
  return behindTheStore(({ jobs, meta }) => {
    jobs.clear();
    // The kept totals describe the posts just cleared.
    meta.delete(TOTALS_KEY);
  });
}

/** Leaves the posts as they are but drops the kept totals, as a history from before them has none. */
export function forgetKeptTotals(): Promise<void> {
  return behindTheStore(({ meta }) => meta.delete(TOTALS_KEY));
}
