import { describe, expect, it } from 'vitest';
import { outboxChangeStorage, type OutboxChange } from '@/utils/outbox/change';
import {
  clearHistory,
  getJob,
  insertJob,
  MAX_HISTORY_BYTES,
  removeJob,
  removeTargets,
  updateJob,
  updateTarget,
} from '@/utils/publish/job-store';
import type { PostJob, TargetStatus } from '@/utils/publish/types';
import { forgetKeptTotals } from '../clear-outbox';
import { seedJobs, storedJobs } from '../outbox-fixtures';

function job(id: string, status: TargetStatus = 'done', summary = id): PostJob {
  return {
    id,
    draftId: id,
    createdAt: 0,
    summary,
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

/** A post whose text takes `share` of the history's byte bound. */
function longPost(id: string, status: TargetStatus, share: number): PostJob {
  return job(id, status, 'x'.repeat(Math.floor(MAX_HISTORY_BYTES * share)));
}

const ids = async () => (await storedJobs()).map((item) => item.id);

describe('job store', () => {
  it('keeps the last 500 posts, but never drops one still being sent', async () => {
    const old = Array.from({ length: 500 }, (_, index) => job(`j${499 - index}`));
    // The oldest post is still waiting for a retry.
    old[499] = job('j0', 'waiting');
    await seedJobs(old);
    await insertJob(job('new'));
    const kept = await ids();
    expect(kept).toHaveLength(500);
    expect(kept[0]).toBe('new');
    expect(kept).toContain('j0');
    expect(kept).not.toContain('j1');
  });

  it('removes one settled post, and refuses one still being sent', async () => {
    await seedJobs([job('a'), job('b', 'posting')]);
    await removeJob('a');
    expect(await ids()).toEqual(['b']);
    await expect(removeJob('b')).rejects.toThrow('This post is still being sent.');
    await removeJob('unknown');
    expect(await ids()).toEqual(['b']);
  });

  it('clears every settled post and keeps the unfinished ones', async () => {
    await seedJobs([
      job('a', 'done'),
      job('b', 'queued'),
      job('c', 'failed'),
      job('d', 'waiting'),
      job('e', 'uploading'),
    ]);
    await clearHistory();
    expect(await ids()).toEqual(['b', 'd', 'e']);
  });

  it('bounds the history in bytes too, dropping the oldest settled posts first', async () => {
    // Four long posts of about 30 % of the bound each: the fourth pushes the oldest out.
    await seedJobs([
      longPost('c', 'done', 0.3),
      longPost('b', 'done', 0.3),
      longPost('a', 'waiting', 0.3),
    ]);
    await insertJob(longPost('d', 'done', 0.3));
    // 'a' is oldest but still being sent, so 'b' goes instead.
    expect(await ids()).toEqual(['d', 'c', 'a']);
  });

  it('refuses a new post with a clear message when posts being sent fill the outbox', async () => {
    await seedJobs([longPost('b', 'waiting', 0.45), longPost('a', 'waiting', 0.45)]);
    await expect(insertJob(longPost('c', 'waiting', 0.45))).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringContaining('Your post is still in the composer'),
    });
    // Nothing was dropped to make room, and nothing half-written stays.
    expect(await ids()).toEqual(['b', 'a']);
  });

  it('counts a post at the size it grew to after it was recorded', async () => {
    await insertJob(job('a', 'waiting'));
    await updateJob('a', (item) => {
      item.summary = 'x'.repeat(Math.floor(MAX_HISTORY_BYTES * 0.45));
    });
    await insertJob(longPost('b', 'done', 0.3));
    await insertJob(longPost('c', 'done', 0.3));
    // 'a' now takes 45 %: with 'b' and 'c' that is over the bound, and 'b' is the oldest settled.
    expect(await ids()).toEqual(['c', 'a']);
  });

  it('gives back the room of posts removed, dropped from a job or cleared', async () => {
    await seedJobs([
      longPost('c', 'done', 0.3),
      longPost('b', 'scheduled', 0.3),
      longPost('a', 'done', 0.3),
    ]);
    await removeJob('a');
    await removeTargets('b', ['m1']);
    await insertJob(longPost('d', 'done', 0.3));
    await insertJob(longPost('e', 'done', 0.3));
    // Only 'c', 'd' and 'e' are left (90 %): nothing had to go.
    expect(await ids()).toEqual(['e', 'd', 'c']);
    await clearHistory();
    await insertJob(longPost('f', 'waiting', 0.45));
    await insertJob(longPost('g', 'waiting', 0.45));
    expect(await ids()).toEqual(['g', 'f']);
  });

  it('counts a post recorded again under its id once', async () => {
    await insertJob(longPost('a', 'done', 0.45));
    await insertJob(longPost('a', 'done', 0.45));
    await insertJob(longPost('b', 'done', 0.45));
    expect(await ids()).toEqual(['b', 'a']);
  });

  it('counts a history kept before the totals existed, once, and bounds it', async () => {
    await seedJobs([
      longPost('c', 'done', 0.3),
      longPost('b', 'done', 0.3),
      longPost('a', 'done', 0.3),
    ]);
    await forgetKeptTotals();
    await insertJob(longPost('d', 'done', 0.3));
    expect(await ids()).toEqual(['d', 'c', 'b']);
    await insertJob(longPost('e', 'done', 0.3));
    expect(await ids()).toEqual(['e', 'd', 'c']);
  });

  it('keeps every change when updates to several targets of one post land at once', async () => {
    const base = job('p', 'posting');
    base.targets = ['m1', 'm2', 'b1', 'b2'].map((accountId) => ({
      ...base.targets[0]!,
      accountId,
    }));
    await insertJob(base);
    await Promise.all(
      base.targets.flatMap((target) => [
        updateTarget('p', target.accountId, (item) => {
          item.attempts += 1;
        }),
        updateTarget('p', target.accountId, (item) => {
          item.status = 'done';
        }),
      ]),
    );
    const stored = await getJob('p');
    expect(stored?.targets.map((target) => [target.status, target.attempts])).toEqual(
      Array.from({ length: 4 }, () => ['done', 2]),
    );
  });

  it('hands out copies: changing what an update returned changes nothing stored', async () => {
    await insertJob(job('p', 'posting'));
    const returned = await updateJob('p', (item) => {
      item.summary = 'changed';
    });
    returned!.summary = 'mutated by the caller';
    expect((await getJob('p'))?.summary).toBe('changed');
    expect(await updateJob('missing', () => undefined)).toBeUndefined();
  });

  it('announces each change with the post that changed, and many at once without one', async () => {
    const changes: OutboxChange[] = [];
    outboxChangeStorage.watch((change) => {
      if (change) changes.push(change);
    });
    await insertJob(job('a', 'posting'));
    await updateTarget('a', 'm1', (item) => {
      item.status = 'done';
    });
    await clearHistory();
    await expect.poll(() => changes.length).toBe(3);
    expect(changes.map((change) => change.jobId)).toEqual(['a', 'a', undefined]);
    expect(new Set(changes.map((change) => change.stamp)).size).toBe(3);
  });
});
