import { seedJobs } from '../outbox-fixtures';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startDeliveryFeedback } from '@/entrypoints/background/feedback';
import type { Account } from '@/utils/networks/types';
import { badgeState, jobsToNotify, notificationText } from '@/utils/publish/feedback';
import { clearHistory, insertJob, updateTarget } from '@/utils/publish/job-store';
import type { PostJob, TargetJob, TargetStatus } from '@/utils/publish/types';
import { accountsStorage, notifiedJobsStorage } from '@/utils/storage';
import { testAccount } from '../test-accounts';

const account = (id: string, network: 'mastodon' | 'bluesky', handle: string): Account =>
  testAccount(id, network, {
    server: network === 'mastodon' ? 'https://social.example' : 'https://pds.example',
    handle,
    displayName: handle,
  });

const ACCOUNTS = [
  account('mastodon:social.example:1', 'mastodon', 'a'),
  account('bluesky:did:plc:b', 'bluesky', 'b.test'),
  account('bluesky:did:plc:c', 'bluesky', 'c.test'),
];

function target(accountId: string, status: TargetStatus, extra: Partial<TargetJob> = {}) {
  return {
    accountId,
    status,
    content: { parts: ['x'] },
    parts: [{ idempotencyKey: 'k' }],
    attempts: 1,
    updatedAt: 0,
    ...extra,
  } satisfies TargetJob;
}

function job(id: string, statuses: TargetStatus[], summary = 'Hello world'): PostJob {
  return {
    id,
    draftId: id,
    createdAt: 0,
    summary,
    targets: statuses.map((status, index) => target(ACCOUNTS[index]!.id, status)),
  };
}

describe('badgeState', () => {
  it('is empty with nothing in flight and nothing failed', () => {
    expect(badgeState([job('a', ['done', 'done'])], 'Crosswind')).toEqual({
      text: '',
      color: '#5b616e',
      title: 'Crosswind',
    });
  });

  it('counts the posts in flight, waiting ones included, in a neutral colour', () => {
    const jobs = [job('a', ['queued', 'uploading']), job('b', ['posting', 'waiting', 'done'])];
    expect(badgeState(jobs, 'Crosswind')).toEqual({
      text: '4',
      color: '#5b616e',
      title: 'Crosswind: 4 posts in progress.',
    });
  });

  it('does not count posts waiting for their time as in flight', () => {
    const jobs = [job('a', ['scheduled', 'scheduled']), job('b', ['posting', 'scheduled'])];
    expect(badgeState(jobs, 'Crosswind')).toMatchObject({
      text: '1',
      title: 'Crosswind: 1 post in progress.',
    });
    expect(badgeState([job('c', ['scheduled'])], 'Crosswind').text).toBe('');
  });

  it('shows "!" in red for a recent failure that was neither retried nor deleted', () => {
    const jobs = [job('a', ['posting']), job('b', ['done', 'failed'])];
    expect(badgeState(jobs, 'Crosswind')).toEqual({
      text: '!',
      color: '#b3261e',
      title: 'Crosswind: 1 post failed. Open Sent posts to retry. 1 post in progress.',
    });
  });

  it('forgets deleted failures and failures older than the latest 20 posts', () => {
    const deleted = job('d', ['failed']);
    deleted.targets[0]!.deletedAt = 1;
    const old = job('old', ['failed']);
    const recent = Array.from({ length: 19 }, (_, index) => job(`r${index}`, ['done']));
    expect(badgeState([...recent, deleted, old], 'Crosswind').text).toBe('');
  });
});

describe('notificationText', () => {
  it('says where it went when every account has it', () => {
    expect(notificationText(job('a', ['done', 'done', 'done']), ACCOUNTS)).toEqual({
      title: 'Post sent',
      message: 'Posted to 3 accounts\n“Hello world”',
    });
    expect(notificationText(job('a', ['done']), ACCOUNTS).message).toBe(
      'Posted to @a@social.example (Mastodon)\n“Hello world”',
    );
  });

  it('names the accounts that failed', () => {
    expect(notificationText(job('a', ['failed', 'done', 'done']), ACCOUNTS)).toEqual({
      title: 'Post partly sent',
      message: 'Posted to 2 of 3 accounts — failed: @a@social.example (Mastodon)\n“Hello world”',
    });
    expect(notificationText(job('a', ['failed', 'failed']), ACCOUNTS)).toEqual({
      title: 'Post not sent',
      message:
        'Could not post — failed: @a@social.example (Mastodon), @b.test (Bluesky)\n“Hello world”',
    });
  });

  it('names a removed account from its id, and cuts a long text to one short line', () => {
    const long = job('a', ['failed'], `${'word '.repeat(40)}\n\nmore`);
    const text = notificationText(long, []);
    expect(text.message).toMatch(/^Could not post — failed: Mastodon account on social.example/);
    const quote = text.message.split('\n')[1]!;
    expect(quote).toHaveLength(82);
    expect(quote.endsWith('…”')).toBe(true);
  });
});

describe('jobsToNotify', () => {
  it('waits until a scheduled post was actually posted, or failed, everywhere', () => {
    expect(jobsToNotify([job('s', ['scheduled', 'done'])], new Set())).toEqual([]);
    expect(jobsToNotify([job('s', ['done', 'done'])], new Set()).map((item) => item.id)).toEqual([
      's',
    ]);
  });

  it('picks settled jobs not notified yet, oldest first', () => {
    const jobs = [
      job('c', ['done']),
      job('b', ['posting']),
      job('a', ['failed']),
      job('z', ['done']),
    ];
    expect(jobsToNotify(jobs, new Set(['z'])).map((item) => item.id)).toEqual(['a', 'c']);
  });
});

const notifications = async () => Object.values(await fakeBrowser.notifications.getAll());

describe('startDeliveryFeedback', () => {
  beforeEach(async () => {
    await accountsStorage.setValue(ACCOUNTS);
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Crosswind',
      version: '0.1.0',
      action: { default_title: 'Crosswind' },
    });
  });

  it('keeps the badge current and notifies a settled post once, across restarts', async () => {
    // Settled before this feature ran: seeded quietly, never notified.
    await seedJobs([job('old', ['done'])]);
    startDeliveryFeedback();
    await vi.waitFor(async () => expect(await notifiedJobsStorage.getValue()).toEqual(['old']));

    await seedJobs([job('new', ['posting', 'queued']), job('old', ['done'])]);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('2'));
    expect(await fakeBrowser.action.getTitle({})).toBe('Crosswind: 2 posts in progress.');
    expect(await notifications()).toEqual([]);

    await seedJobs([job('new', ['done', 'failed']), job('old', ['done'])]);
    await vi.waitFor(async () => expect(await notifications()).toHaveLength(1));
    const all = await fakeBrowser.notifications.getAll();
    expect(all).toEqual({
      'crosswind-job:new': {
        type: 'basic',
        iconUrl: 'chrome-extension://test-extension-id/icon/128.png',
        title: 'Post partly sent',
        message: 'Posted to 1 of 2 accounts — failed: @b.test (Bluesky)\n“Hello world”',
      },
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');

    // A restarted worker reads what was notified and stays quiet.
    await fakeBrowser.notifications.clear('crosswind-job:new');
    startDeliveryFeedback();
    await seedJobs([job('new', ['done', 'done']), job('old', ['done'])]);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
    expect(await fakeBrowser.action.getTitle({})).toBe('Crosswind');
    expect(await notifications()).toEqual([]);
  });

  it('counts failures among the latest 20 posts only, reading no more than unfinished ones', async () => {
    const recent = Array.from({ length: 20 }, (_, index) => job(`r${index}`, ['done']));
    await seedJobs([...recent, job('old', ['failed'])]);
    startDeliveryFeedback();
    await vi.waitFor(async () => expect(await notifiedJobsStorage.getValue()).toHaveLength(21));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    await updateTarget('r5', ACCOUNTS[0]!.id, (item) => {
      item.status = 'failed';
    });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('!'));
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Crosswind: 1 post failed. Open Sent posts to retry.',
    );
  });

  it('notifies a post from its own change, and forgets ids of posts cleared from the history', async () => {
    await seedJobs([job('b', ['done']), job('a', ['done'])]);
    startDeliveryFeedback();
    await vi.waitFor(async () =>
      expect((await notifiedJobsStorage.getValue())?.toSorted()).toEqual(['a', 'b']),
    );
    await insertJob(job('c', ['posting']));
    await updateTarget('c', ACCOUNTS[0]!.id, (item) => {
      item.status = 'done';
    });
    await vi.waitFor(async () => expect(await notifications()).toHaveLength(1));
    expect((await notifiedJobsStorage.getValue())?.toSorted()).toEqual(['a', 'b', 'c']);
    // Cleared all at once: the whole list is compared again, and no id outlives its post.
    await clearHistory();
    await vi.waitFor(async () => expect(await notifiedJobsStorage.getValue()).toEqual([]));
    expect(await notifications()).toHaveLength(1);
  });

  it('opens the history when a notification is clicked', async () => {
    startDeliveryFeedback();
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('crosswind-job:x');
    expect(created).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/sent-posts.html',
    });
  });
});
