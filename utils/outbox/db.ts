import { isSettled, type PostJob } from '../publish/types';

/**
 * The outbox lives in the extension origin's IndexedDB, one record per post: a state change
 * rewrites that post only, never the whole history, and IndexedDB is not bound by the 10 MB quota
 * `storage.local` has. The background is the only writer (`utils/publish/job-store.ts`); pages
 * read it directly (`./read.ts`).
 */
export const DB_NAME = 'crosswind-outbox';
const DB_VERSION = 1;
export const JOBS_STORE = 'jobs';
/** Small facts about the outbox itself: whether an old history awaits import, and its totals (`./totals.ts`). */
export const META_STORE = 'meta';
/** Written when the database is created, deleted in the same transaction that imports the old history. */
const MIGRATION_PENDING = 'migration-pending';

/** Index names; see `JobRecord` for what each holds. */
export const BY_SEQ = 'seq';
export const BY_DRAFT = 'draftId';
export const UNFINISHED = 'unfinished';
export const SETTLED = 'settled';
export const LEDGER = 'ledger';

/** One post as stored: the job, with what the indexes need kept beside it. */
export interface JobRecord {
  id: string;
  /** The order posts were recorded in: the newest has the highest. */
  seq: number;
  draftId: string;
  /** 1 while some account has not got the post (in flight, waiting, scheduled, or failed). */
  unfinished: 0 | 1;
  /** 1 once no account is waiting or in flight: only such posts may leave the history. */
  settled: 0 | 1;
  /** The record's approximate size, so the history can be bounded in bytes without reading it. */
  bytes: number;
  job: PostJob;
}

/** The key of the ledger index: enough to prune the history by count and bytes from keys alone. */
export type LedgerKey = [seq: number, bytes: number, settled: 0 | 1];

/** The stored form of a job. */
export function toRecord(job: PostJob, seq: number): JobRecord {
  return {
    id: job.id,
    seq,
    draftId: job.draftId,
    unfinished: job.targets.some((target) => target.status !== 'done') ? 1 : 0,
    settled: isSettled(job) ? 1 : 0,
    // UTF-16 length of the JSON: close enough to what the browser keeps, and cheap for one post.
    bytes: JSON.stringify(job).length,
    job,
  };
}

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(META_STORE).put(true, MIGRATION_PENDING);
      const store = request.result.createObjectStore(JOBS_STORE, { keyPath: 'id' });
      store.createIndex(BY_SEQ, 'seq', { unique: true });
      store.createIndex(BY_DRAFT, 'draftId');
      store.createIndex(UNFINISHED, 'unfinished');
      store.createIndex(SETTLED, 'settled');
      store.createIndex(LEDGER, ['seq', 'bytes', 'settled']);
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another context upgrading the schema must not be blocked by this open connection.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error(`Could not open ${DB_NAME}`));
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

/** What a transaction's work gets: the store, and a way to stop with an error (rolling back). */
export interface TransactionScope {
  store: IDBObjectStore;
  meta: IDBObjectStore;
  /** Runs a request callback; anything it throws aborts the transaction and rejects with it. */
  guard<A extends unknown[]>(step: (...args: A) => void): (...args: A) => void;
}

/**
 * Runs `work` in one transaction over the jobs and resolves with what its returned getter gives
 * once the transaction has committed. Readwrite transactions over the store run one at a time in
 * the order they were opened, so a read-modify-write in one of them can never lose another's change.
 */
export async function inTransaction<T>(
  mode: IDBTransactionMode,
  work: (scope: TransactionScope) => () => T,
): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction([JOBS_STORE, META_STORE], mode);
    let failure: { error: unknown } | undefined;
    const guard =
      <A extends unknown[]>(step: (...args: A) => void) =>
      (...args: A) => {
        if (failure) return;
        try {
          step(...args);
        } catch (error) {
          failure = { error };
          transaction.abort();
        }
      };
    const result = work({
      store: transaction.objectStore(JOBS_STORE),
      meta: transaction.objectStore(META_STORE),
      guard,
    });
    transaction.oncomplete = () => resolve(result());
    const fail = () =>
      reject(failure ? failure.error : (transaction.error ?? new Error(`${DB_NAME} failed`)));
    // A failed request aborts the transaction, so every failure ends here.
    transaction.onabort = fail;
  });
}

/**
 * Imports an old history once: only while the marker the database was created with is there, and
 * the import deletes it in the same transaction. So a crash before the import retries it, and an
 * old-style item written later (which nothing may trust) is never imported.
 */
export function importOnce(jobs: PostJob[]): Promise<boolean> {
  return inTransaction('readwrite', ({ store, meta, guard }) => {
    let imported = false;
    const pending = meta.get(MIGRATION_PENDING);
    pending.onsuccess = guard(() => {
      if (pending.result !== true) return;
      jobs.forEach((job, index) => store.put(toRecord(job, jobs.length - index)));
      meta.delete(MIGRATION_PENDING);
      imported = true;
    });
    return () => imported;
  });
}
