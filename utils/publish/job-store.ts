import { words, type Wording } from '@/utils/i18n/wording';
import { storage } from 'wxt/utils/storage';
import { CrosswindError } from '../errors';
import { outboxChangeStorage } from '../outbox/change';
import {
  BY_SEQ,
  importOnce,
  inTransaction,
  LEDGER,
  toRecord,
  type JobRecord,
  type LedgerKey,
  type TransactionScope,
} from '../outbox/db';
import { readAllJobs, readJob, readUnfinishedJobs } from '../outbox/read';
import {
  adjustTotals,
  forgetTotals,
  keepTotals,
  withTotals,
  type HistoryTotals,
} from '../outbox/totals';
import { upgradeStoredJob } from '../outbox/upgrade';
import { isSettled, type PostJob, type TargetJob } from './types';

/**
 * The outbox's one writer, used by the background only: each change is one IndexedDB
 * transaction over one post, followed by a word to the pages (`outboxChangeStorage`).
 */

/** How many sent posts are remembered. */
export const MAX_JOBS = 500;
/** How much the history may take (approximate bytes): long threads must not fill the disk. */
export const MAX_HISTORY_BYTES = 20 * 1024 * 1024;

/** Where the outbox lived before IndexedDB: one item holding every post, newest first. */
const legacyOutbox = storage.defineItem<PostJob[] | null>('local:outbox', { fallback: null });

/**
 * Moves a history kept in `storage.local` into IndexedDB, once (the first time the outbox
 * database exists), then removes the old item. Stopped before the import, it imports on the next
 * start; an old item found after the import is only removed, never trusted.
 */
export async function migrateLegacyOutbox(): Promise<void> {
  const legacy = await legacyOutbox.getValue();
  // Run even with nothing to import: the chance to import passes with the first start.
  const imported = await importOnce(legacy ?? []);
  if (legacy) await legacyOutbox.removeValue();
  if (imported && legacy) await announce();
}

let ready: Promise<void> | undefined;

/** Every outbox operation waits for the one-time migration first. */
function migrated(): Promise<void> {
  ready ??= migrateLegacyOutbox().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

async function announce(jobId?: string): Promise<void> {
  try {
    await outboxChangeStorage.setValue({ stamp: crypto.randomUUID(), ...(jobId && { jobId }) });
  } catch (error) {
    // The post is recorded either way; pages only miss one refresh.
    console.warn('Crosswind could not announce an outbox change', error);
  }
}

function megabytes(bytes: number): Wording {
  // A number, not text: it is written "1.5" or "1,5" in the language of whoever reads it.
  return words('outbox.megabytes', { amount: Number((bytes / 1024 / 1024).toFixed(1)) });
}

/** A browser out of room says QuotaExceededError; the user hears what to do about it. */
function roomError(error: unknown): unknown {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return new CrosswindError('validation', words('outbox.noRoom'), { cause: error });
  }
  return error;
}

/** One committed write to the outbox, then the word to everyone watching it. */
async function write<T>(
  jobId: string | undefined,
  work: Parameters<typeof inTransaction<T>>[1],
): Promise<T> {
  await migrated();
  let result: T;
  try {
    result = await inTransaction('readwrite', work);
  } catch (error) {
    throw roomError(error);
  }
  await announce(jobId);
  return result;
}

/**
 * Adds a new post at the top of the history, dropping the oldest settled ones past the count or
 * the size bound, all in one transaction. A post still being sent is never dropped: when those
 * alone leave no room, the new post is refused with a clear message (and stays in the composer).
 */
export function insertJob(job: PostJob): Promise<void> {
  return write(job.id, (scope) => {
    const { store, guard } = scope;
    withTotals(scope, (totals) => {
      const replaced = store.get(job.id);
      const newest = store.index(BY_SEQ).openKeyCursor(null, 'prev');
      newest.onsuccess = guard(() => {
        const record = toRecord(job, (newest.result ? Number(newest.result.key) : 0) + 1);
        const after = { count: totals.count + 1, bytes: totals.bytes + record.bytes };
        // A post recorded again under its id replaces itself; it must not count twice.
        const old = replaced.result as JobRecord | undefined;
        if (old) {
          store.delete(job.id);
          after.count -= 1;
          after.bytes -= old.bytes;
        }
        pruneOldest(scope, after, () => {
          if (after.bytes > MAX_HISTORY_BYTES) {
            throw new CrosswindError(
              'validation',
              words('outbox.full', {
                used: megabytes(after.bytes - record.bytes),
                max: megabytes(MAX_HISTORY_BYTES),
              }),
            );
          }
          store.put(record);
          keepTotals(scope, after);
        });
      });
    });
    return () => undefined;
  });
}

const withinBounds = (totals: HistoryTotals) =>
  totals.count <= MAX_JOBS && totals.bytes <= MAX_HISTORY_BYTES;

/**
 * Deletes the oldest settled posts until `totals` (which it lowers) are within the bounds or no
 * settled post is left, then calls `then`. Only the few posts that go are visited.
 */
function pruneOldest(
  { store, guard }: TransactionScope,
  totals: HistoryTotals,
  then: () => void,
): void {
  if (withinBounds(totals)) {
    then();
    return;
  }
  const cursor = store.index(LEDGER).openKeyCursor();
  cursor.onsuccess = guard(() => {
    const at = cursor.result;
    if (!at || withinBounds(totals)) {
      then();
      return;
    }
    const [, bytes, settled] = at.key as LedgerKey;
    if (settled === 1) {
      store.delete(at.primaryKey);
      totals.count -= 1;
      totals.bytes -= bytes;
    }
    at.continue();
  });
}

/**
 * Reads one post in a transaction and applies `change`, which may `save` the post back or `remove`
 * it; resolves with what `change` returns, or undefined when the post is gone.
 */
function rewrite<T>(
  jobId: string,
  change: (job: PostJob, edit: { save(): PostJob; remove(): void }) => T,
): Promise<T | undefined> {
  return write(jobId, (scope) => {
    const { store, guard } = scope;
    let result: T | undefined;
    const request = store.get(jobId);
    request.onsuccess = guard(() => {
      const record = request.result as JobRecord | undefined;
      if (!record) return;
      const { seq } = record;
      const job = upgradeStoredJob(record.job);
      result = change(job, {
        save() {
          const saved = toRecord(job, seq);
          store.put(saved);
          adjustTotals(scope, { count: 0, bytes: saved.bytes - record.bytes });
          // The caller gets its own copy, never the one the transaction wrote.
          return structuredClone(job);
        },
        remove() {
          store.delete(jobId);
          adjustTotals(scope, { count: -1, bytes: -record.bytes });
        },
      });
    });
    return () => result;
  });
}

/** Applies a change to one target of one job and returns a copy of the job as it now is. */
export function updateTarget(
  jobId: string,
  accountId: string,
  change: (target: TargetJob) => void,
): Promise<PostJob | undefined> {
  return rewrite(jobId, (job, edit) => {
    const target = job.targets.find((item) => item.accountId === accountId);
    if (!target) return undefined;
    change(target);
    target.updatedAt = Date.now();
    return edit.save();
  });
}

/** Applies a change to one job (and any of its targets) and returns a copy of the job as it now is. */
export function updateJob(
  jobId: string,
  change: (job: PostJob) => void,
): Promise<PostJob | undefined> {
  return rewrite(jobId, (job, edit) => {
    change(job);
    return edit.save();
  });
}

/**
 * Drops accounts from a job whose post they will never get (a cancelled schedule), and the whole
 * job once no account is left: nothing was posted, so there is nothing to remember.
 */
export async function removeTargets(jobId: string, accountIds: string[]): Promise<void> {
  await rewrite(jobId, (job, edit) => {
    job.targets = job.targets.filter((target) => !accountIds.includes(target.accountId));
    if (job.targets.length === 0) edit.remove();
    else edit.save();
  });
}

/** Forgets one settled job; the posts stay on the networks. */
export async function removeJob(jobId: string): Promise<void> {
  await rewrite(jobId, (job, edit) => {
    if (!isSettled(job)) {
      throw new CrosswindError('validation', words('outbox.stillSendingRemove'));
    }
    edit.remove();
  });
}

/** Forgets every settled job; posts still being sent stay, so none of them is lost. */
export function clearHistory(): Promise<void> {
  return write(undefined, (scope) => {
    const { store, guard } = scope;
    forgetTotals(scope);
    const cursor = store.index(LEDGER).openKeyCursor();
    cursor.onsuccess = guard(() => {
      const at = cursor.result;
      if (!at) return;
      if ((at.key as LedgerKey)[2] === 1) store.delete(at.primaryKey);
      at.continue();
    });
    return () => undefined;
  });
}

/** Reads one job. */
export async function getJob(jobId: string): Promise<PostJob | undefined> {
  await migrated();
  return readJob(jobId);
}

/** Every job some account has not got yet, newest first: all the publisher ever resumes. */
export async function listUnfinishedJobs(): Promise<PostJob[]> {
  await migrated();
  return (await readUnfinishedJobs()).map((item) => item.job);
}

/** Every job, newest first (reads the whole history). */
export async function listJobs(): Promise<PostJob[]> {
  await migrated();
  return readAllJobs();
}
