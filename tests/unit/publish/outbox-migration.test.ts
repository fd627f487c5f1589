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

  it('runs again safely after being stopped before the old item was removed', async () => {
    vi.resetModules();
    const store = await import('@/utils/publish/job-store');
    await storage.setItem('local:outbox', legacy);
    await store.migrateLegacyOutbox();
    // Stopped before removeValue: the old item is still there on the next start.
    await storage.setItem('local:outbox', legacy);
    await store.migrateLegacyOutbox();
    expect(await store.listJobs()).toEqual(legacy);
    expect(await storage.getItem('local:outbox')).toBeNull();
    // And with nothing left to move, it does nothing.
    await store.migrateLegacyOutbox();
    expect(await store.listJobs()).toEqual(legacy);
  });
});
