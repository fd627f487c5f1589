import { seedJobs, storedJobs } from '../outbox-fixtures';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CrosswindError } from '@/utils/errors';
import type { NetworkAdapter, PublishedPost } from '@/utils/networks/types';
import type { PostJob, TargetJob } from '@/utils/publish/types';
import { accountsStorage } from '@/utils/storage';
import { testAccount } from '../test-accounts';

const removed: Array<{ accountId: string; postId: string }> = [];
// Per post id, what removing it does: throw the error once.
const failures = new Map<string, CrosswindError>();
// Post ids the server says it does not have (a 404, or a PDS delete without a commit).
const gone = new Set<string>();

// Only what deleting uses, so the fake does not follow every change to the adapter contract.
function fakeAdapter(id: 'mastodon' | 'bluesky'): Pick<NetworkAdapter, 'id' | 'remove'> {
  return {
    id,
    async remove(account, post) {
      // Lets both accounts start before either finishes, as real requests would.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const failure = failures.get(post.id);
      failures.delete(post.id);
      if (failure) throw failure;
      removed.push({ accountId: account.id, postId: post.id });
      return gone.has(post.id) ? 'not-found' : 'deleted';
    },
  };
}

vi.mock('@/utils/networks', () => ({
  ADAPTERS: { mastodon: fakeAdapter('mastodon'), bluesky: fakeAdapter('bluesky') },
}));

const { deleteEverywhere } = await import('@/utils/publish/delete');

function published(id: string): PublishedPost {
  return { id, url: `https://server.example/${id}` };
}

function target(
  accountId: string,
  postIds: Array<string | null>,
  status: TargetJob['status'] = 'done',
): TargetJob {
  return {
    accountId,
    status,
    content: { parts: postIds.map((_, index) => `part ${index}`) },
    parts: postIds.map((id, index) => ({
      idempotencyKey: `k${index}`,
      ...(id && { result: published(id) }),
    })),
    attempts: 1,
    updatedAt: 0,
  };
}

function job(targets: TargetJob[], id = 'j1'): PostJob {
  return { id, draftId: 'd', createdAt: 0, summary: 'hello', targets };
}

async function stored(jobId = 'j1'): Promise<PostJob> {
  return (await storedJobs()).find((item) => item.id === jobId)!;
}

describe('deleteEverywhere', () => {
  beforeEach(async () => {
    removed.length = 0;
    failures.clear();
    gone.clear();
    await accountsStorage.setValue([testAccount('m1', 'mastodon'), testAccount('b1', 'bluesky')]);
  });

  it('removes every part, replies before the root, from every account at once', async () => {
    await seedJobs([
      job([target('m1', ['m-root', 'm-reply']), target('b1', ['b-root', 'b-2', 'b-3'])]),
    ]);
    const outcomes = await deleteEverywhere('j1');

    expect(outcomes).toEqual([
      { accountId: 'm1', ok: true },
      { accountId: 'b1', ok: true },
    ]);
    const order = (accountId: string) =>
      removed.filter((call) => call.accountId === accountId).map((call) => call.postId);
    expect(order('m1')).toEqual(['m-reply', 'm-root']);
    expect(order('b1')).toEqual(['b-3', 'b-2', 'b-root']);
    // In parallel: the second account's first removal lands before the first account is done.
    expect(
      removed
        .slice(0, 2)
        .map((call) => call.accountId)
        .sort(),
    ).toEqual(['b1', 'm1']);
    const after = await stored();
    expect(after.targets.every((item) => typeof item.deletedAt === 'number')).toBe(true);
    expect(after.targets.every((item) => item.deleteError === undefined)).toBe(true);
  });

  it('records how many parts the server did not have, instead of counting them deleted', async () => {
    gone.add('m-reply');
    await seedJobs([job([target('m1', ['m-root', 'm-reply']), target('b1', ['b'])])]);
    await deleteEverywhere('j1');
    const after = await stored();
    expect(after.targets.map((item) => item.notFoundOnDelete)).toEqual([1, undefined]);
  });

  it('does not take a part its own earlier run removed for one the server never had', async () => {
    failures.set('m-root', new CrosswindError('server', 'down', { status: 500 }));
    await seedJobs([job([target('m1', ['m-root', 'm-reply'])])]);
    await deleteEverywhere('j1');
    // The reply went in the first run; the second asks only for the root.
    removed.length = 0;
    await deleteEverywhere('j1');
    expect(removed.map((call) => call.postId)).toEqual(['m-root']);
    const [after] = (await stored()).targets;
    expect(after?.deletedAt).toEqual(expect.any(Number));
    expect(after?.notFoundOnDelete).toBeUndefined();
  });

  it('records a failure, keeps the root when a reply could not go, and succeeds on a second try', async () => {
    await seedJobs([job([target('m1', ['m-root', 'm-reply']), target('b1', ['b'])])]);
    failures.set(
      'm-reply',
      new CrosswindError('server', 'server.example had a problem (error 500).', { status: 500 }),
    );
    const outcomes = await deleteEverywhere('j1');

    expect(outcomes).toEqual([
      {
        accountId: 'm1',
        ok: false,
        error: {
          kind: 'server',
          message: 'server.example had a problem (error 500).',
          retryable: true,
          status: 500,
        },
      },
      { accountId: 'b1', ok: true },
    ]);
    expect(removed.map((call) => call.postId)).toEqual(['b']);
    const after = await stored();
    expect(after.targets[0]).toMatchObject({ deleteError: { kind: 'server', status: 500 } });
    expect(after.targets[0]?.deletedAt).toBeUndefined();
    // The history keeps the post, so the user sees where deletion failed.
    expect(after.targets[1]?.deletedAt).toEqual(expect.any(Number));

    removed.length = 0;
    expect(await deleteEverywhere('j1')).toEqual([
      { accountId: 'm1', ok: true },
      { accountId: 'b1', ok: true },
    ]);
    // The account already deleted is not asked again.
    expect(removed.map((call) => call.postId)).toEqual(['m-reply', 'm-root']);
    const again = await stored();
    expect(again.targets[0]?.deleteError).toBeUndefined();
    expect(again.targets[0]?.deletedAt).toEqual(expect.any(Number));
  });

  it('tells the user to delete it themselves when the account is no longer connected', async () => {
    await accountsStorage.setValue([testAccount('b1', 'bluesky')]);
    await seedJobs([job([target('m1', ['m']), target('b1', ['b'])])]);
    const [mastodon] = await deleteEverywhere('j1');

    expect(mastodon).toMatchObject({
      accountId: 'm1',
      ok: false,
      error: { message: 'This account is no longer connected; delete it on the network itself.' },
    });
    expect((await stored()).targets[0]?.deleteError?.message).toMatch(/no longer connected/);
  });

  it('marks a target that never got anything as deleted without asking its network', async () => {
    await accountsStorage.setValue([]);
    await seedJobs([job([target('m1', [null, null], 'failed')])]);
    expect(await deleteEverywhere('j1')).toEqual([{ accountId: 'm1', ok: true }]);
    expect(removed).toEqual([]);
    expect((await stored()).targets[0]?.deletedAt).toEqual(expect.any(Number));
  });

  it('marks the account for reconnection when its credentials no longer work', async () => {
    await seedJobs([job([target('b1', ['b'])])]);
    failures.set('b', new CrosswindError('auth', 'Session ended. Reconnect the account.'));
    const [outcome] = await deleteEverywhere('j1');
    expect(outcome?.ok).toBe(false);
    const accounts = await accountsStorage.getValue();
    expect(accounts.find((account) => account.id === 'b1')?.state).toBe('reconnect');
  });

  it('refuses a post still being sent, and one no longer in the history', async () => {
    await seedJobs([job([target('m1', ['m']), target('b1', [null], 'waiting')])]);
    await expect(deleteEverywhere('j1')).rejects.toThrow(
      'This post is still being sent. Delete it once every account is done.',
    );
    await expect(deleteEverywhere('gone')).rejects.toThrow(
      'That post is no longer in the history.',
    );
    expect(removed).toEqual([]);
  });

  it('runs once when asked twice at the same time', async () => {
    await seedJobs([job([target('m1', ['m'])])]);
    await Promise.all([deleteEverywhere('j1'), deleteEverywhere('j1')]);
    expect(removed).toHaveLength(1);
  });
});
