import { describe, expect, it, vi } from 'vitest';
import { storage } from 'wxt/utils/storage';
import type { PostJob } from '@/utils/publish/types';

function job(id: string, status: 'done' | 'waiting'): PostJob {
  return {
    id,
    draftId: `draft-${id}`,
    createdAt: 1,
    summary: id,
    targets: [
      {
        accountId: 'm1',
        status,
        content: { parts: [id] },
        parts: [{ idempotencyKey: `key-${id}` }],
        attempts: 1,
        updatedAt: 1,
      },
    ],
  };
}

/** Deletes the outbox database; the store's open connections close themselves when asked. */
function deleteOutboxDatabase(): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('crosswind-outbox');
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

// The history as the last version kept it: every post in one storage.local item, newest first.
const legacy = [job('newest', 'waiting'), job('middle', 'done'), job('oldest', 'done')];

describe('outbox migration', () => {
  it('moves the storage.local outbox into IndexedDB once, in order, on first use', async () => {
    vi.resetModules();
    await storage.setItem('local:outbox', legacy);
    const store = await import('@/utils/publish/job-store');
    const read = await import('@/utils/outbox/read');

    // Any first operation migrates first: the publisher resuming finds the waiting post.
    expect((await store.listUnfinishedJobs()).map((item) => item.id)).toEqual(['newest']);
    expect(await store.listJobs()).toEqual(legacy);
    expect(await storage.getItem('local:outbox')).toBeNull();
    expect((await read.readJobByDraft('draft-middle'))?.job).toEqual(legacy[1]);

    // New posts go on top of the migrated ones.
    await store.insertJob(job('new', 'waiting'));
    expect((await store.listJobs()).map((item) => item.id)).toEqual([
      'new',
      'newest',
      'middle',
      'oldest',
    ]);
  });

  it('imports only once: an old-style item written later is removed, never trusted', async () => {
    // The database from the first test exists and its import is done: as after any upgrade.
    vi.resetModules();
    await storage.setItem('local:outbox', [job('forged', 'waiting')]);
    const store = await import('@/utils/publish/job-store');
    expect(await store.listJobs()).toEqual([]);
    expect(await storage.getItem('local:outbox')).toBeNull();
  });

  it('a first start with no old history closes the import for good', async () => {
    await deleteOutboxDatabase();
    vi.resetModules();
    const first = await import('@/utils/publish/job-store');
    expect(await first.listJobs()).toEqual([]);

    vi.resetModules();
    await storage.setItem('local:outbox', [job('forged', 'waiting')]);
    const second = await import('@/utils/publish/job-store');
    expect(await second.listUnfinishedJobs()).toEqual([]);
  });

  it('an import stopped before it ran runs on the next start', async () => {
    await deleteOutboxDatabase();
    vi.resetModules();
    await storage.setItem('local:outbox', legacy);
    // A page's reader created the database (and the marker with it), which never migrates; the
    // worker stopped before importing.
    const read = await import('@/utils/outbox/read');
    await read.readAllJobs();
    vi.resetModules();
    const store = await import('@/utils/publish/job-store');
    expect(await store.listJobs()).toEqual(legacy);
  });
});
