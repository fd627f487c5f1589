import { storedJobs } from '../outbox-fixtures';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newDraft, type Draft } from '@/utils/compose/draft';
import { CrosswindError } from '@/utils/errors';
import type {
  NetworkAdapter,
  OutgoingPost,
  PublishOptions,
  ScheduleOptions,
} from '@/utils/networks/types';
import { badgeState, jobsToNotify } from '@/utils/publish/feedback';
import type { PostJob, TargetJob } from '@/utils/publish/types';
import { accountsStorage, draftStorage } from '@/utils/storage';
import { testAccount } from '../test-accounts';
import { measure as blueskyMeasure } from '@/utils/networks/bluesky/measure';
import { measure as mastodonMeasure } from '@/utils/networks/mastodon/measure';

const posts: Array<{ accountId: string; post: OutgoingPost; options: PublishOptions }> = [];
const schedules: Array<{ accountId: string; post: OutgoingPost; options: ScheduleOptions }> = [];
const cancels: Array<{ accountId: string; id: string }> = [];
const moves: Array<{ accountId: string; id: string; at: number }> = [];
const uploads: string[] = [];
// What the next schedule / cancel / reschedule call of the Mastodon server does: throw, or work.
const serverFailures = {
  schedule: [] as CrosswindError[],
  cancel: [] as CrosswindError[],
  reschedule: [] as CrosswindError[],
};
// Set to make the Mastodon server post at once what it is asked to schedule (as Hollo does).
const serverQuirks = { postsAtOnce: false };

function fakeAdapter(id: 'mastodon' | 'bluesky'): NetworkAdapter {
  let next = 0;
  const adapter: NetworkAdapter = {
    id,
    signIn: { kind: 'form', connect: () => Promise.reject(new Error('not used here')) },
    measure: id === 'mastodon' ? mastodonMeasure : blueskyMeasure,
    newIdempotencyKey: () => `${id}-key-${++next}`,
    async publish(account, post, options) {
      posts.push({ accountId: account.id, post, options });
      const postId = `${account.id}-${options.idempotencyKey}`;
      return { id: postId, url: `https://example.test/${postId}`, cid: `cid-${postId}` };
    },
    imageRules: () => ({ maxBytes: 1_000_000, maxEdge: 2000 }),
    async uploadImage(account, image) {
      uploads.push(account.id);
      return { id: `${account.id}-media-${uploads.length}`, alt: image.alt, width: 4, height: 3 };
    },
    remove: async () => 'deleted' as const,
    refresh: async () => {
      throw new Error('not used');
    },
    disconnect: async () => undefined,
  };
  if (id === 'bluesky') return adapter;
  // Only Mastodon servers post later by themselves, as the real adapters have it.
  return {
    ...adapter,
    async schedule(account, post, options) {
      schedules.push({ accountId: account.id, post, options });
      const failure = serverFailures.schedule.shift();
      if (failure) throw failure;
      if (serverQuirks.postsAtOnce) {
        const postId = `${account.id}-${options.idempotencyKey}`;
        return { publishedNow: { id: postId, url: `https://example.test/${postId}` } };
      }
      return { id: `scheduled-${schedules.length}`, scheduledAt: options.scheduledAt };
    },
    async cancelScheduled(account, scheduledId) {
      cancels.push({ accountId: account.id, id: scheduledId });
      const failure = serverFailures.cancel.shift();
      if (failure) throw failure;
    },
    async reschedule(account, scheduledId, at) {
      moves.push({ accountId: account.id, id: scheduledId, at });
      const failure = serverFailures.reschedule.shift();
      if (failure) throw failure;
      return { id: scheduledId, scheduledAt: at };
    },
  };
}

vi.mock('@/utils/publish/images', () => import('./fake-images'));

vi.mock('@/utils/networks', () => ({
  ADAPTERS: { mastodon: fakeAdapter('mastodon'), bluesky: fakeAdapter('bluesky') },
}));

const { startPost, resumeDue } = await import('@/utils/publish/publisher');
const { cancelSchedule, editScheduled, reschedule } = await import('@/utils/publish/schedule');
const { onWakeAlarm, OUTBOX_ALARM } = await import('@/utils/publish/wake');

const MINUTE = 60_000;
const T0 = new Date(2031, 4, 6, 9, 0).getTime();

function draftOf(text: string, targetIds: string[], extra: Partial<Draft> = {}): Draft {
  return { ...newDraft(targetIds, 'en'), text, ...extra };
}

async function jobs(): Promise<PostJob[]> {
  return storedJobs();
}

async function targetOf(jobId: string, accountId: string): Promise<TargetJob | undefined> {
  return (await jobs())
    .find((job) => job.id === jobId)
    ?.targets.find((t) => t.accountId === accountId);
}

async function alarmTime(): Promise<number | undefined> {
  return (await fakeBrowser.alarms.get(OUTBOX_ALARM))?.scheduledTime;
}

/** The browser firing the outbox alarm at its time, as Chrome does (the worker may be new). */
async function fireAlarmAt(at: number): Promise<void> {
  vi.setSystemTime(at);
  const alarm = await fakeBrowser.alarms.get(OUTBOX_ALARM);
  expect(alarm, 'an alarm is set').toBeDefined();
  await fakeBrowser.alarms.onAlarm.trigger(alarm!);
}

/** Waits until nothing is in flight any more: every target scheduled, done or failed. */
async function quiet(jobId: string): Promise<PostJob | undefined> {
  await vi.waitFor(async () => {
    const job = (await jobs()).find((item) => item.id === jobId);
    const busy = job?.targets.some((t) => ['queued', 'uploading', 'posting'].includes(t.status));
    expect(busy ?? false).toBe(false);
  });
  return (await jobs()).find((item) => item.id === jobId);
}

describe('Post later', () => {
  beforeEach(async () => {
    // Only Date is faked: the wake-up timer must not fire by itself, so the alarm is what posts.
    vi.useFakeTimers({ now: T0, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    posts.length = 0;
    schedules.length = 0;
    cancels.length = 0;
    moves.length = 0;
    uploads.length = 0;
    serverFailures.schedule.length = 0;
    serverFailures.cancel.length = 0;
    serverFailures.reschedule.length = 0;
    serverQuirks.postsAtOnce = false;
    // The background's own wiring, after fakeBrowser.reset() dropped every listener.
    onWakeAlarm(resumeDue);
    await accountsStorage.setValue([testAccount('m1', 'mastodon'), testAccount('b1', 'bluesky')]);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('arms the outbox alarm for a Bluesky post, posts nothing before, and posts once when it fires', async () => {
    const at = T0 + 10 * MINUTE;
    const draft = draftOf('Later on Bluesky', ['b1'], { scheduledAt: at });
    await draftStorage.setValue(draft);
    const job = await startPost(draft);

    expect(job.scheduledAt).toBe(at);
    expect(job.targets[0]).toMatchObject({
      status: 'scheduled',
      scheduleMode: 'local',
      scheduledAt: at,
    });
    // The post lives in the schedule now, draft included; the composer is free at once.
    expect(job.draft).toMatchObject({ text: 'Later on Bluesky', scheduledAt: at });
    expect(await draftStorage.getValue()).toBeNull();
    await vi.waitFor(async () => expect(await alarmTime()).toBe(at));

    // A wake-up before the time (another post's retry, a page opening) posts nothing.
    vi.setSystemTime(at - MINUTE);
    await resumeDue();
    expect(posts).toHaveLength(0);
    expect(await alarmTime()).toBe(at);
    expect(badgeState(await jobs(), 'idle').text).toBe('');
    expect(jobsToNotify(await jobs(), new Set())).toEqual([]);

    await fireAlarmAt(at);
    await vi.waitFor(async () => expect((await targetOf(job.id, 'b1'))?.status).toBe('done'));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      accountId: 'b1',
      post: { text: 'Later on Bluesky' },
      options: { idempotencyKey: job.targets[0]!.parts[0]!.idempotencyKey, isRetry: false },
    });
    expect(jobsToNotify(await jobs(), new Set()).map((item) => item.id)).toEqual([job.id]);

    // The alarm firing again (or twice at once) cannot post it a second time.
    await fakeBrowser.alarms.onAlarm.trigger({ name: OUTBOX_ALARM, scheduledTime: at });
    await resumeDue();
    expect(posts).toHaveLength(1);
  });

  it('records a post the server published at once as posted, says so, and schedules itself next time', async () => {
    serverQuirks.postsAtOnce = true;
    const at = T0 + 60 * MINUTE;
    const job = await startPost(draftOf('Meant for later', ['m1'], { scheduledAt: at }));
    const settled = await quiet(job.id);
    const target = settled?.targets[0];
    expect(target).toMatchObject({
      status: 'done',
      parts: [{ result: { id: `m1-${target?.parts[0]?.idempotencyKey}` } }],
      notice:
        'server.example posted it right away: it cannot schedule posts. Crosswind schedules this account’s posts itself from now on.',
    });
    expect(target?.serverScheduledId).toBeUndefined();
    // Not listed as scheduled, and nothing to cancel on the server.
    const { isScheduledJob } = await import('@/utils/publish/types');
    expect(isScheduledJob(settled!)).toBe(false);
    expect((await accountsStorage.getValue()).find((a) => a.id === 'm1')?.ignoresScheduling).toBe(
      true,
    );

    // The next post for later is Crosswind's to send: the server is not asked again.
    const next = await startPost(draftOf('Later again', ['m1'], { scheduledAt: at }));
    expect(next.targets[0]).toMatchObject({ status: 'scheduled', scheduleMode: 'local' });
    expect(schedules).toHaveLength(1);
    await fireAlarmAt(at);
    await vi.waitFor(async () => expect((await targetOf(next.id, 'm1'))?.status).toBe('done'));
    expect(posts.map((item) => item.post.text)).toEqual(['Later again']);
  });

  it('posts it once when a restarted worker finds the time has passed', async () => {
    const at = T0 + 5 * MINUTE;
    const job = await startPost(draftOf('Browser was closed', ['b1'], { scheduledAt: at }));
    await resumeDue();
    expect(posts).toHaveLength(0);

    // The browser was closed over the time: a new worker, with fresh module state, starts later.
    vi.setSystemTime(at + 3 * 60 * MINUTE);
    vi.resetModules();
    const restarted = await import('@/utils/publish/publisher');
    await restarted.resumeDue();
    expect((await targetOf(job.id, 'b1'))?.status).toBe('done');
    await restarted.resumeDue();
    expect(posts).toHaveLength(1);
  });

  it('hands a Mastodon post at least 5 minutes ahead to the server, images and key included', async () => {
    const at = T0 + 60 * MINUTE;
    const image = {
      id: 'img-1',
      name: 'one.jpg',
      type: 'image/jpeg',
      width: 4,
      height: 3,
      bytes: 9,
      alt: 'A cat',
    };
    const job = await startPost(
      draftOf('Server posts this', ['m1', 'b1'], { scheduledAt: at, images: [image] }),
    );
    const done = await quiet(job.id);
    const mastodon = done!.targets.find((t) => t.accountId === 'm1')!;
    expect(mastodon).toMatchObject({
      status: 'scheduled',
      scheduleMode: 'server',
      serverScheduledId: 'scheduled-1',
      media: [{ id: 'm1-media-1', alt: 'A cat' }],
    });
    expect(schedules).toEqual([
      {
        accountId: 'm1',
        post: expect.objectContaining({ text: 'Server posts this', media: mastodon.media }),
        options: {
          scheduledAt: at,
          idempotencyKey: mastodon.parts[0]!.idempotencyKey,
          isRetry: false,
        },
      },
    ]);
    // Bluesky's images go up when Crosswind posts it, not before.
    expect(uploads).toEqual(['m1']);
    expect(posts).toHaveLength(0);
    expect(badgeState(done ? [done] : [], 'idle').text).toBe('');

    await fireAlarmAt(at);
    await vi.waitFor(async () => {
      const now = (await jobs())[0]!;
      expect(now.targets.map((t) => t.status)).toEqual(['done', 'done']);
    });
    // The server published its copy by itself: Crosswind posted only Bluesky's.
    expect(posts.map((call) => call.accountId)).toEqual(['b1']);
    expect(schedules).toHaveLength(1);
  });

  it('posts a Mastodon post itself when it is less than 5 minutes ahead, or a thread', async () => {
    const soon = await startPost(draftOf('Too soon', ['m1'], { scheduledAt: T0 + 3 * MINUTE }));
    const thread = await startPost(
      draftOf('Part one\n---\nPart two', ['m1'], { scheduledAt: T0 + 60 * MINUTE }),
    );
    expect(soon.targets[0]).toMatchObject({ status: 'scheduled', scheduleMode: 'local' });
    expect(thread.targets[0]).toMatchObject({ status: 'scheduled', scheduleMode: 'local' });
    expect(schedules).toHaveLength(0);
    await resumeDue();
    expect(posts).toHaveLength(0);
    await vi.waitFor(async () => expect(await alarmTime()).toBe(T0 + 3 * MINUTE));

    await fireAlarmAt(T0 + 3 * MINUTE);
    await vi.waitFor(async () => expect((await targetOf(soon.id, 'm1'))?.status).toBe('done'));
    expect((await targetOf(thread.id, 'm1'))?.status).toBe('scheduled');
    // After firing, the next scheduled time is armed again.
    await vi.waitFor(async () => expect(await alarmTime()).toBe(T0 + 60 * MINUTE));

    await fireAlarmAt(T0 + 60 * MINUTE);
    await vi.waitFor(async () => expect((await targetOf(thread.id, 'm1'))?.status).toBe('done'));
    const threadPosts = posts.filter((call) => call.post.text.startsWith('Part'));
    expect(threadPosts.map((call) => call.post.text)).toEqual(['Part one', 'Part two']);
    expect(threadPosts[1]?.post.replyTo?.parent.id).toBe(
      `m1-${threadPosts[0]!.options.idempotencyKey}`,
    );
  });

  it('posts it itself when the server will not take that time, and says why', async () => {
    serverFailures.schedule.push(
      new CrosswindError('unsupported', 'server.example would not schedule it: too many.', {
        status: 422,
      }),
    );
    const at = T0 + 60 * MINUTE;
    const job = await startPost(draftOf('Refused', ['m1'], { scheduledAt: at }));
    await quiet(job.id);
    expect(await targetOf(job.id, 'm1')).toMatchObject({
      status: 'scheduled',
      scheduleMode: 'local',
      scheduleNote: 'server.example would not schedule it: too many.',
    });
    await fireAlarmAt(at);
    await vi.waitFor(async () => expect((await targetOf(job.id, 'm1'))?.status).toBe('done'));
    expect(posts).toHaveLength(1);
  });

  it('retries handing it to a server that had a problem, with the same key', async () => {
    serverFailures.schedule.push(
      new CrosswindError('server', 'server.example had a problem (error 503).', { status: 503 }),
    );
    const job = await startPost(draftOf('Flaky', ['m1'], { scheduledAt: T0 + 60 * MINUTE }));
    await vi.waitFor(async () =>
      expect(await targetOf(job.id, 'm1')).toMatchObject({
        status: 'waiting',
        waitingFor: 'retry',
      }),
    );
    const retryAt = (await targetOf(job.id, 'm1'))!.nextAttemptAt!;
    await vi.waitFor(async () => expect(await alarmTime()).toBe(retryAt));
    await fireAlarmAt(retryAt);
    await vi.waitFor(async () =>
      expect(await targetOf(job.id, 'm1')).toMatchObject({
        status: 'scheduled',
        serverScheduledId: 'scheduled-2',
      }),
    );
    expect(schedules.map((call) => call.options.idempotencyKey)).toEqual([
      job.targets[0]!.parts[0]!.idempotencyKey,
      job.targets[0]!.parts[0]!.idempotencyKey,
    ]);
    expect(schedules[1]?.options.isRetry).toBe(true);
  });

  it('refuses a time in the past before recording anything', async () => {
    await expect(
      startPost(draftOf('Too late', ['b1'], { scheduledAt: T0 - MINUTE })),
    ).rejects.toThrow('That time has passed: pick a later one.');
    expect(await jobs()).toEqual([]);
  });

  describe('cancel', () => {
    it('deletes the server’s scheduled post, drops the job, and nothing goes out', async () => {
      const at = T0 + 60 * MINUTE;
      const job = await startPost(draftOf('Never mind', ['m1', 'b1'], { scheduledAt: at }));
      await quiet(job.id);
      expect(await cancelSchedule(job.id)).toEqual([
        { accountId: 'm1', ok: true },
        { accountId: 'b1', ok: true },
      ]);
      expect(cancels).toEqual([{ accountId: 'm1', id: 'scheduled-1' }]);
      expect(await jobs()).toEqual([]);

      await fireAlarmAt(at);
      await resumeDue();
      expect(posts).toHaveLength(0);
    });

    it('says where cancelling failed; that account stays scheduled, the others are dropped', async () => {
      const job = await startPost(
        draftOf('Half cancelled', ['m1', 'b1'], { scheduledAt: T0 + 60 * MINUTE }),
      );
      await quiet(job.id);
      serverFailures.cancel.push(
        new CrosswindError('server', 'server.example had a problem (error 500).', { status: 500 }),
      );
      const outcomes = await cancelSchedule(job.id);
      expect(outcomes).toEqual([
        {
          accountId: 'm1',
          ok: false,
          error: expect.objectContaining({ message: 'server.example had a problem (error 500).' }),
        },
        { accountId: 'b1', ok: true },
      ]);
      const [left] = await jobs();
      expect(left?.targets).toEqual([
        expect.objectContaining({
          accountId: 'm1',
          status: 'scheduled',
          serverScheduledId: 'scheduled-1',
        }),
      ]);
      // Cancelling again finishes it.
      expect(await cancelSchedule(job.id)).toEqual([{ accountId: 'm1', ok: true }]);
      expect(await jobs()).toEqual([]);
    });
  });

  describe('reschedule', () => {
    it('moves the server’s copy and Crosswind’s, and the alarm follows', async () => {
      const first = T0 + 60 * MINUTE;
      const later = T0 + 120 * MINUTE;
      const job = await startPost(draftOf('Moved', ['m1', 'b1'], { scheduledAt: first }));
      await quiet(job.id);
      expect(await reschedule(job.id, later)).toEqual([
        { accountId: 'm1', ok: true },
        { accountId: 'b1', ok: true },
      ]);
      expect(moves).toEqual([{ accountId: 'm1', id: 'scheduled-1', at: later }]);
      const [moved] = await jobs();
      expect(moved?.scheduledAt).toBe(later);
      expect(moved?.draft?.scheduledAt).toBe(later);
      expect(moved?.targets.map((t) => [t.status, t.scheduledAt])).toEqual([
        ['scheduled', later],
        ['scheduled', later],
      ]);

      // The old alarm may still fire: it posts nothing, and arms the new time.
      await fireAlarmAt(first);
      await resumeDue();
      expect(posts).toHaveLength(0);
      expect(await alarmTime()).toBe(later);
      await fireAlarmAt(later);
      await vi.waitFor(async () =>
        expect((await jobs())[0]?.targets.map((t) => t.status)).toEqual(['done', 'done']),
      );
      expect(posts.map((call) => call.accountId)).toEqual(['b1']);
    });

    it('takes it back from the server when the new time is too close, with a fresh key', async () => {
      const job = await startPost(draftOf('Sooner', ['m1'], { scheduledAt: T0 + 60 * MINUTE }));
      await quiet(job.id);
      const oldKey = job.targets[0]!.parts[0]!.idempotencyKey;
      const soon = T0 + 2 * MINUTE;
      expect(await reschedule(job.id, soon)).toEqual([{ accountId: 'm1', ok: true }]);
      expect(moves).toEqual([]);
      expect(cancels).toEqual([{ accountId: 'm1', id: 'scheduled-1' }]);
      const target = await targetOf(job.id, 'm1');
      expect(target).toMatchObject({
        status: 'scheduled',
        scheduleMode: 'local',
        scheduledAt: soon,
      });
      expect(target?.serverScheduledId).toBeUndefined();
      // The old key stays bound to the cancelled copy for an hour on Mastodon.
      expect(target?.parts[0]?.idempotencyKey).not.toBe(oldKey);

      await fireAlarmAt(soon);
      await vi.waitFor(async () => expect((await targetOf(job.id, 'm1'))?.status).toBe('done'));
      expect(posts.map((call) => call.options.idempotencyKey)).toEqual([
        target?.parts[0]?.idempotencyKey,
      ]);
    });

    it('hands a post Crosswind was to send to the server once it is far enough ahead', async () => {
      const job = await startPost(draftOf('Upgrade', ['m1'], { scheduledAt: T0 + 3 * MINUTE }));
      expect(job.targets[0]?.scheduleMode).toBe('local');
      await reschedule(job.id, T0 + 90 * MINUTE);
      await vi.waitFor(async () =>
        expect(await targetOf(job.id, 'm1')).toMatchObject({
          status: 'scheduled',
          scheduleMode: 'server',
          serverScheduledId: 'scheduled-1',
        }),
      );
      expect(schedules[0]?.options.scheduledAt).toBe(T0 + 90 * MINUTE);
    });

    it('refuses a time in the past', async () => {
      const job = await startPost(draftOf('x', ['b1'], { scheduledAt: T0 + 60 * MINUTE }));
      await expect(reschedule(job.id, T0 - MINUTE)).rejects.toThrow(
        'That time has passed: pick a later one.',
      );
      expect((await targetOf(job.id, 'b1'))?.scheduledAt).toBe(T0 + 60 * MINUTE);
    });
  });

  describe('edit', () => {
    it('refuses to overwrite a post being written, and changes nothing', async () => {
      const job = await startPost(draftOf('Scheduled', ['m1'], { scheduledAt: T0 + 60 * MINUTE }));
      await quiet(job.id);
      const writing = draftOf('Something new I am typing', ['b1']);
      await draftStorage.setValue(writing);
      await expect(editScheduled(job.id)).rejects.toThrow(
        'Send or clear the post you are writing first, then press Edit again.',
      );
      expect(cancels).toEqual([]);
      expect(await draftStorage.getValue()).toEqual(writing);
      expect((await targetOf(job.id, 'm1'))?.serverScheduledId).toBe('scheduled-1');
    });

    it('takes it off the schedule everywhere and puts it back in the composer', async () => {
      const at = T0 + 60 * MINUTE;
      const draft = draftOf('Fix my typo', ['m1', 'b1'], { scheduledAt: at, contentWarning: 'cw' });
      const job = await startPost(draft);
      await quiet(job.id);
      // A blank draft is not a post being written: it may be replaced.
      await draftStorage.setValue(draftOf('  ', ['m1']));
      expect(await editScheduled(job.id)).toEqual([
        { accountId: 'm1', ok: true },
        { accountId: 'b1', ok: true },
      ]);
      expect(cancels).toEqual([{ accountId: 'm1', id: 'scheduled-1' }]);
      expect(await draftStorage.getValue()).toMatchObject({
        id: draft.id,
        text: 'Fix my typo',
        contentWarning: 'cw',
        targetIds: ['m1', 'b1'],
        scheduledAt: at,
      });
      expect(await jobs()).toEqual([]);
      await fireAlarmAt(at);
      await resumeDue();
      expect(posts).toHaveLength(0);
    });
  });
});
