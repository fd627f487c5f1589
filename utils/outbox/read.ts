import type { PostJob } from '../publish/types';
import { BY_DRAFT, BY_SEQ, inTransaction, SETTLED, UNFINISHED, type JobRecord } from './db';
import { upgradeStoredJob } from './upgrade';

/** A job with its place in the history (higher is newer), for paging. */
export interface StoredJob {
  seq: number;
  job: PostJob;
}

const stored = (record: JobRecord): StoredJob => ({
  seq: record.seq,
  job: upgradeStoredJob(record.job),
});

/** One job with its place, or undefined once it left the history. */
export function readStoredJob(id: string): Promise<StoredJob | undefined> {
  return inTransaction('readonly', ({ store }) => {
    const request = store.get(id);
    return () => {
      const record = request.result as JobRecord | undefined;
      return record && stored(record);
    };
  });
}

/** One job, or undefined once it left the history. */
export async function readJob(id: string): Promise<PostJob | undefined> {
  return (await readStoredJob(id))?.job;
}

/** The newest job made from a draft, if any. */
export function readJobByDraft(draftId: string): Promise<StoredJob | undefined> {
  return inTransaction('readonly', ({ store }) => {
    const request = store.index(BY_DRAFT).getAll(draftId);
    return () => {
      const records = request.result as JobRecord[];
      const newest = records.reduce<JobRecord | undefined>(
        (best, record) => (best && best.seq > record.seq ? best : record),
        undefined,
      );
      return newest && stored(newest);
    };
  });
}

/** Every job some account has not got yet (in flight, waiting, scheduled or failed), newest first. */
export function readUnfinishedJobs(): Promise<StoredJob[]> {
  return inTransaction('readonly', ({ store }) => {
    const request = store.index(UNFINISHED).getAll(1);
    return () => (request.result as JobRecord[]).map(stored).toSorted((a, b) => b.seq - a.seq);
  });
}

/** Up to `limit` jobs, newest first, older than `beforeSeq` when given: one page of the history. */
export function readRecentJobs(limit: number, beforeSeq?: number): Promise<StoredJob[]> {
  return inTransaction('readonly', ({ store, guard }) => {
    const jobs: StoredJob[] = [];
    const range = beforeSeq === undefined ? null : IDBKeyRange.upperBound(beforeSeq, true);
    const request = store.index(BY_SEQ).openCursor(range, 'prev');
    request.onsuccess = guard(() => {
      const cursor = request.result;
      if (!cursor || jobs.length >= limit) return;
      jobs.push(stored(cursor.value as JobRecord));
      if (jobs.length < limit) cursor.continue();
    });
    return () => jobs;
  });
}

/** The place of the `count`-th newest post (0 when there are fewer), from index keys alone. */
export function readRecentFloor(count: number): Promise<number> {
  return inTransaction('readonly', ({ store, guard }) => {
    let floor = 0;
    let skipped = false;
    const request = store.index(BY_SEQ).openKeyCursor(null, 'prev');
    request.onsuccess = guard(() => {
      const cursor = request.result;
      if (!cursor) return;
      if (!skipped && count > 1) {
        skipped = true;
        cursor.advance(count - 1);
        return;
      }
      floor = Number(cursor.key);
    });
    return () => floor;
  });
}

/** Every job, newest first. Reads the whole history: for the rare callers that need it all. */
export async function readAllJobs(): Promise<PostJob[]> {
  return (await readRecentJobs(Number.POSITIVE_INFINITY)).map((item) => item.job);
}

/** The ids of every post in the history, and of those settled, from the indexes alone. */
export function readJobIds(): Promise<{ all: string[]; settled: string[] }> {
  return inTransaction('readonly', ({ store }) => {
    const all = store.getAllKeys();
    const settled = store.index(SETTLED).getAllKeys(1);
    return () => ({ all: all.result.map(String), settled: settled.result.map(String) });
  });
}
