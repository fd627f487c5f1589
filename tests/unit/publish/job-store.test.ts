import { describe, expect, it } from 'vitest';
import { clearHistory, insertJob, removeJob } from '@/utils/publish/job-store';
import type { PostJob, TargetStatus } from '@/utils/publish/types';
import { jobsStorage } from '@/utils/storage';

function job(id: string, status: TargetStatus = 'done'): PostJob {
  return {
    id,
    draftId: id,
    createdAt: 0,
    summary: id,
    targets: [
      {
        accountId: 'm1',
        status,
        content: { parts: ['x'] },
        parts: [{ idempotencyKey: 'k' }],
        attempts: 1,
        updatedAt: 0,
      },
    ],
  };
}

const ids = async () => (await jobsStorage.getValue()).map((item) => item.id);

describe('job store', () => {
  it('keeps the last 500 posts, but never drops one still being sent', async () => {
    const old = Array.from({ length: 500 }, (_, index) => job(`j${499 - index}`));
    // The oldest post is still waiting for a retry.
    old[499] = job('j0', 'waiting');
    await jobsStorage.setValue(old);
    await insertJob(job('new'));
    const kept = await ids();
    expect(kept).toHaveLength(500);
    expect(kept[0]).toBe('new');
    expect(kept).toContain('j0');
    expect(kept).not.toContain('j1');
  });

  it('removes one settled post, and refuses one still being sent', async () => {
    await jobsStorage.setValue([job('a'), job('b', 'posting')]);
    await removeJob('a');
    expect(await ids()).toEqual(['b']);
    await expect(removeJob('b')).rejects.toThrow('This post is still being sent.');
    await removeJob('unknown');
    expect(await ids()).toEqual(['b']);
  });

  it('clears every settled post and keeps the unfinished ones', async () => {
    await jobsStorage.setValue([
      job('a', 'done'),
      job('b', 'queued'),
      job('c', 'failed'),
      job('d', 'waiting'),
      job('e', 'uploading'),
    ]);
    await clearHistory();
    expect(await ids()).toEqual(['b', 'd', 'e']);
  });
});
