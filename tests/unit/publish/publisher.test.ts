import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CrosswindError } from '@/utils/errors';
import type { Account, NetworkAdapter, PublishOptions } from '@/utils/networks/types';
import { accountsStorage, draftStorage, jobsStorage, lastTargetsStorage } from '@/utils/storage';

const calls: Array<{ accountId: string; options: PublishOptions }> = [];
const failures = new Map<string, CrosswindError[]>();

function fakeAdapter(id: 'mastodon' | 'bluesky'): NetworkAdapter {
  let next = 0;
  return {
    id,
    newIdempotencyKey: () => `${id}-key-${++next}`,
    async publish(account, _post, options) {
      calls.push({ accountId: account.id, options });
      const queued = failures.get(account.id);
      const failure = queued?.shift();
      if (failure) throw failure;
      return { id: `${account.id}-post`, url: `https://example.test/${account.id}` };
    },
    remove: async () => undefined,
    refresh: async () => {
      throw new Error('not used');
    },
    disconnect: async () => undefined,
  };
}

vi.mock('@/utils/networks', () => ({
  ADAPTERS: { mastodon: fakeAdapter('mastodon'), bluesky: fakeAdapter('bluesky') },
}));

const { startPost, retryTarget, resumeUnfinished, runTarget } =
  await import('@/utils/publish/publisher');

function makeAccount(id: string, network: 'mastodon' | 'bluesky'): Account {
  return {
    id,
    network,
    server: 'https://server.example',
    remoteId: id,
    handle: id,
    displayName: id,
    limits: { maxCharacters: 500, maxMediaAttachments: 4 },
    state: 'connected',
    connectedAt: 0,
    limitsCheckedAt: 0,
  };
}

async function settled(jobId: string) {
  await vi.waitFor(async () => {
    const job = (await jobsStorage.getValue()).find((item) => item.id === jobId);
    expect(job?.targets.every((t) => t.status === 'done' || t.status === 'failed')).toBe(true);
  });
  return (await jobsStorage.getValue()).find((item) => item.id === jobId)!;
}

describe('publisher', () => {
  beforeEach(async () => {
    calls.length = 0;
    failures.clear();
    await accountsStorage.setValue([makeAccount('m1', 'mastodon'), makeAccount('b1', 'bluesky')]);
  });

  it('records the job before posting, posts to every account and clears the delivered draft', async () => {
    await draftStorage.setValue({ id: 'd1', text: 'hello', targetIds: ['m1', 'b1'], updatedAt: 1 });
    const job = await startPost({
      draftId: 'd1',
      content: { text: 'hello' },
      targetIds: ['m1', 'b1'],
    });
    expect(job.targets.map((t) => t.status)).toEqual(['queued', 'queued']);
    expect(job.targets[0]?.idempotencyKey).toMatch(/^mastodon-key-/);
    expect(job.targets[1]?.idempotencyKey).toMatch(/^bluesky-key-/);

    const done = await settled(job.id);
    expect(done.targets.map((t) => t.status)).toEqual(['done', 'done']);
    expect(done.targets[0]?.result?.url).toBe('https://example.test/m1');
    expect(calls.every((call) => call.options.isRetry === false)).toBe(true);
    expect(await draftStorage.getValue()).toBeNull();
    expect(await lastTargetsStorage.getValue()).toEqual(['m1', 'b1']);
  });

  it('keeps the draft on partial failure; Retry reuses the idempotency key', async () => {
    await draftStorage.setValue({ id: 'd2', text: 'again', targetIds: ['m1', 'b1'], updatedAt: 1 });
    failures.set('m1', [
      new CrosswindError('server', 'server.example had a problem (error 500).', { status: 500 }),
    ]);
    const job = await startPost({
      draftId: 'd2',
      content: { text: 'again' },
      targetIds: ['m1', 'b1'],
    });
    const first = await settled(job.id);
    expect(first.targets.find((t) => t.accountId === 'm1')).toMatchObject({
      status: 'failed',
      error: { kind: 'server', status: 500, retryable: true },
    });
    expect(first.targets.find((t) => t.accountId === 'b1')?.status).toBe('done');
    expect((await draftStorage.getValue())?.id).toBe('d2');

    await retryTarget(job.id, 'm1');
    await vi.waitFor(async () => {
      const now = (await jobsStorage.getValue())[0]!;
      expect(now.targets.find((t) => t.accountId === 'm1')?.status).toBe('done');
    });
    const mastodonCalls = calls.filter((call) => call.accountId === 'm1');
    expect(mastodonCalls).toHaveLength(2);
    expect(mastodonCalls[1]?.options.idempotencyKey).toBe(mastodonCalls[0]?.options.idempotencyKey);
    expect(mastodonCalls[1]?.options.isRetry).toBe(true);
    await vi.waitFor(async () => expect(await draftStorage.getValue()).toBeNull());
  });

  it('marks the account for reconnection on an auth error', async () => {
    failures.set('b1', [new CrosswindError('auth', 'Session ended. Reconnect the account.')]);
    const job = await startPost({ draftId: 'd3', content: { text: 'x' }, targetIds: ['b1'] });
    await settled(job.id);
    const accounts = await accountsStorage.getValue();
    expect(accounts.find((a) => a.id === 'b1')?.state).toBe('reconnect');
  });

  it('refuses empty text, no targets and unknown accounts before recording anything', async () => {
    await expect(
      startPost({ draftId: 'd', content: { text: '  ' }, targetIds: ['m1'] }),
    ).rejects.toThrow('Write something before posting.');
    await expect(
      startPost({ draftId: 'd', content: { text: 'x' }, targetIds: [] }),
    ).rejects.toThrow('Pick at least one account to post to.');
    await expect(
      startPost({ draftId: 'd', content: { text: 'x' }, targetIds: ['gone'] }),
    ).rejects.toThrow('Account gone is no longer connected.');
    expect(await jobsStorage.getValue()).toEqual([]);
  });

  it('resumes targets left queued or in flight by a stopped worker, as retries', async () => {
    await jobsStorage.setValue([
      {
        id: 'j-old',
        draftId: 'd-old',
        createdAt: 0,
        content: { text: 'interrupted' },
        targets: [
          { accountId: 'm1', status: 'posting', idempotencyKey: 'k-m', attempts: 1, updatedAt: 0 },
          { accountId: 'b1', status: 'queued', idempotencyKey: 'k-b', attempts: 0, updatedAt: 0 },
        ],
      },
    ]);
    await resumeUnfinished();
    const job = (await jobsStorage.getValue())[0]!;
    expect(job.targets.map((t) => t.status)).toEqual(['done', 'done']);
    expect(calls.find((c) => c.accountId === 'm1')?.options).toMatchObject({
      idempotencyKey: 'k-m',
      isRetry: true,
    });
    expect(calls.find((c) => c.accountId === 'b1')?.options).toMatchObject({
      idempotencyKey: 'k-b',
      isRetry: false,
    });
  });

  it('does not run the same target twice at once', async () => {
    await jobsStorage.setValue([
      {
        id: 'j-twice',
        draftId: 'd',
        createdAt: 0,
        content: { text: 'once' },
        targets: [
          { accountId: 'm1', status: 'queued', idempotencyKey: 'k', attempts: 0, updatedAt: 0 },
        ],
      },
    ]);
    await Promise.all([runTarget('j-twice', 'm1'), runTarget('j-twice', 'm1')]);
    expect(calls.filter((c) => c.accountId === 'm1')).toHaveLength(1);
  });
});
