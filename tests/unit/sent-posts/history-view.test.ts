import { describe, expect, it } from 'vitest';
import {
  PAGE_SIZE,
  readHistoryView,
  withChange,
  withNextPage,
} from '@/entrypoints/sent-posts/history-view';
import { insertJob, removeJob, updateTarget } from '@/utils/publish/job-store';
import type { PostJob, TargetStatus } from '@/utils/publish/types';

function job(id: string, status: TargetStatus = 'done', scheduledAt?: number): PostJob {
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
        attempts: 0,
        updatedAt: 1,
        ...(scheduledAt !== undefined && { scheduledAt, scheduleMode: 'local' as const }),
      },
    ],
    ...(scheduledAt !== undefined && { scheduledAt }),
  };
}

/** Records posts p0 (oldest) … p{count-1} (newest). */
async function history(count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) await insertJob(job(`p${index}`));
}

const ids = (view: { history: { job: PostJob }[] }) => view.history.map((item) => item.job.id);

describe('sent-posts history view', () => {
  it('reads one screen first, then older pages as asked, until there are none', async () => {
    await history(PAGE_SIZE * 2 + 5);
    const first = await readHistoryView();
    expect(ids(first)).toEqual(
      Array.from({ length: PAGE_SIZE }, (_, index) => `p${PAGE_SIZE * 2 + 4 - index}`),
    );
    expect(first.more).toBe(true);
    const second = await withNextPage(first);
    expect(second.history).toHaveLength(PAGE_SIZE * 2);
    const third = await withNextPage(second);
    expect(ids(third).at(-1)).toBe('p0');
    expect(third.more).toBe(false);
    expect(await withNextPage(third)).toBe(third);
  });

  it('lists scheduled posts whatever their age, apart from the pages', async () => {
    await insertJob(job('later', 'scheduled', Date.now() + 3_600_000));
    await history(PAGE_SIZE + 1);
    const view = await readHistoryView();
    expect(view.scheduled.map((item) => item.id)).toEqual(['later']);
    expect(ids(view)).not.toContain('later');
  });

  it('applies a change by reading only the post that changed', async () => {
    await history(PAGE_SIZE + 3);
    let view = await readHistoryView();

    // A new post appears on top.
    await insertJob(job('new', 'posting'));
    view = await withChange(view, { stamp: '1', jobId: 'new' });
    expect(ids(view)[0]).toBe('new');
    expect(view.history).toHaveLength(PAGE_SIZE + 1);

    // A post on screen changes in place.
    await updateTarget('new', 'm1', (target) => {
      target.status = 'done';
    });
    view = await withChange(view, { stamp: '2', jobId: 'new' });
    expect(view.history[0]?.job.targets[0]?.status).toBe('done');

    // A removed post leaves; one older than what was read waits for its page.
    await removeJob('new');
    view = await withChange(view, { stamp: '3', jobId: 'new' });
    expect(ids(view)).not.toContain('new');
    await updateTarget('p0', 'm1', (target) => {
      target.attempts = 5;
    });
    view = await withChange(view, { stamp: '4', jobId: 'p0' });
    expect(ids(view)).not.toContain('p0');
    expect(view.history).toHaveLength(PAGE_SIZE);
  });

  it('reads the same span again when many posts changed at once', async () => {
    await history(PAGE_SIZE * 2);
    const view = await withNextPage(await readHistoryView());
    await removeJob('p19');
    const after = await withChange(view, { stamp: 'x' });
    expect(after.history).toHaveLength(PAGE_SIZE * 2 - 1);
    expect(ids(after)).not.toContain('p19');
  });
});
