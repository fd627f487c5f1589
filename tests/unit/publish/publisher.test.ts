import { seedJobs, storedJobs } from '../outbox-fixtures';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrosswindError, errorText, webPageInstead } from '@/utils/errors';
import { installMessages, type ChromeMessages } from '@/utils/i18n/messages';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { newDraft, type Draft } from '@/utils/compose/draft';
import type { ImageTarget } from '@/utils/media/targets';
import type { PartCheckpoint } from '@/utils/networks/checkpoint';
import type { NetworkAdapter, OutgoingPost, PublishOptions } from '@/utils/networks/types';
import type { PostJob, TargetJob } from '@/utils/publish/types';
import { accountsStorage, draftStorage, lastTargetsStorage } from '@/utils/storage';
import { testAccount } from '../test-accounts';
import { measure as blueskyMeasure } from '@/utils/networks/bluesky/measure';
import { measure as mastodonMeasure } from '@/utils/networks/mastodon/measure';

const calls: Array<{
  accountId: string;
  post: OutgoingPost;
  options: PublishOptions;
  /** The part's checkpoint as the call found it. */
  checkpoint: PartCheckpoint | undefined;
}> = [];
const uploads: Array<{ accountId: string; alt: string }> = [];
// Per account, what each next call does: throw the error, or succeed for null.
const failures = new Map<string, Array<CrosswindError | null>>();
const uploadFailures = new Map<string, Array<CrosswindError | null>>();
// Accounts whose adapter keeps a record of its own in the job before answering (as Nostr does).
const recording = new Set<string>();
// Accounts whose next publish never answers, whatever its signal says (a hung request).
const hangs = new Set<string>();
// Link card thumbnails: the images fetched, the rules they were fitted to, and a fetch failure.
const thumbFetches: string[] = [];
const thumbRules: ImageTarget[] = [];
let thumbFetchError: CrosswindError | undefined;

function fakeAdapter(id: 'mastodon' | 'bluesky'): NetworkAdapter {
  let next = 0;
  return {
    id,
    signIn: { kind: 'form', connect: () => Promise.reject(new Error('not used here')) },
    measure: id === 'mastodon' ? mastodonMeasure : blueskyMeasure,
    newIdempotencyKey: () => `${id}-key-${++next}`,
    async publish(account, post, options) {
      calls.push({
        accountId: account.id,
        post,
        options: { ...options },
        checkpoint: structuredClone(options.checkpoint?.current),
      });
      if (recording.has(account.id)) {
        const relay = { relay: 'wss://relay.example', status: 'ok' as const };
        await options.checkpoint?.save({
          network: 'nostr',
          note: { outcomes: [{ ...relay, message: `call ${calls.length}` }] },
        });
      }
      if (hangs.delete(account.id)) return new Promise<never>(() => undefined);
      const queued = failures.get(account.id);
      const failure = queued?.shift();
      if (failure) throw failure;
      const postId = `${account.id}-${options.idempotencyKey}`;
      return { id: postId, url: `https://example.test/${postId}`, cid: `cid-${postId}` };
    },
    imageRules: () => ({ maxBytes: 1_000_000, maxEdge: 2000 }),
    async uploadImage(account, image) {
      const failure = uploadFailures.get(account.id)?.shift();
      if (failure) throw failure;
      uploads.push({ accountId: account.id, alt: image.alt });
      return { id: `${account.id}-media-${uploads.length}`, alt: image.alt, width: 4, height: 3 };
    },
    remove: async () => 'deleted' as const,
    refresh: async () => {
      throw new Error('not used');
    },
    disconnect: async () => undefined,
  };
}

// Decoding needs a browser; the pipeline itself is tested in Chromium (media-prepare.spec.ts).
vi.mock('@/utils/publish/images', () => import('./fake-images'));

vi.mock('@/utils/capture/fetch-image', () => ({
  fetchImage: async (url: string) => {
    thumbFetches.push(url);
    if (thumbFetchError) throw thumbFetchError;
    return new Blob(['png'], { type: 'image/png' });
  },
}));

vi.mock('@/utils/media/prepare', () => ({
  openImage: async (file: Blob & { name: string }) => ({
    name: file.name,
    format: 'png',
    prepare: async (rules: ImageTarget) => {
      thumbRules.push(rules);
      const size = { width: 8, height: 4 };
      return { blob: new Blob(['jpeg']), ...size, type: 'image/jpeg', aspectRatio: size };
    },
    close: () => undefined,
  }),
}));

vi.mock('@/utils/networks', () => ({
  ADAPTERS: { mastodon: fakeAdapter('mastodon'), bluesky: fakeAdapter('bluesky') },
}));

const { ATTEMPT_DEADLINE_MS, startPost, retryTarget, resumeDue, runTarget } =
  await import('@/utils/publish/publisher');

function draftOf(id: string, text: string, targetIds: string[], extra: Partial<Draft> = {}): Draft {
  return { ...newDraft(targetIds, 'en'), id, text, ...extra };
}

function target(
  accountId: string,
  status: TargetJob['status'],
  keys: string[],
  attempts: number,
): TargetJob {
  return {
    accountId,
    status,
    content: { parts: keys.map((key) => `text ${key}`) },
    parts: keys.map((idempotencyKey) => ({ idempotencyKey })),
    attempts,
    updatedAt: 0,
  };
}

/** A job as a stopped worker left it in the outbox. */
function leftJob(id: string, draftId: string, createdAt: number, targets: TargetJob[]): PostJob {
  return { id, draftId, createdAt, summary: id, targets };
}

/** One language's messages, as the build writes them. */
async function load(language: 'en' | 'de'): Promise<ChromeMessages> {
  return generateChromeMessages(
    await parseMessagesFile(resolve(`locales/${language}.yml`)),
  ) as ChromeMessages;
}

/** A passing server outage, which automatic retries get past. */
function unavailable(): CrosswindError {
  return new CrosswindError('server', 'server.example had a problem (error 503).', { status: 503 });
}

/** A rate limit that resets too far ahead to wait for: the target fails and waits for the user. */
function limitedForHours(): CrosswindError {
  return new CrosswindError('rate-limit', 'server.example says too many requests.', {
    status: 429,
    retryAt: Date.now() + 3 * 3600_000,
  });
}

async function isDone(jobId: string): Promise<boolean> {
  const job = (await storedJobs()).find((item) => item.id === jobId);
  return job?.targets.every((item) => item.status === 'done') ?? false;
}

/** The checkpoint the fake adapter records on its n-th call. */
function relayAnswer(message: string): PartCheckpoint {
  return {
    network: 'nostr',
    note: { outcomes: [{ relay: 'wss://relay.example', status: 'ok', message }] },
  };
}

async function settled(jobId: string) {
  await vi.waitFor(async () => {
    const job = (await storedJobs()).find((item) => item.id === jobId);
    expect(job?.targets.every((t) => t.status === 'done' || t.status === 'failed')).toBe(true);
  });
  return (await storedJobs()).find((item) => item.id === jobId)!;
}

describe('publisher', () => {
  beforeEach(async () => {
    calls.length = 0;
    uploads.length = 0;
    failures.clear();
    uploadFailures.clear();
    hangs.clear();
    recording.clear();
    thumbFetches.length = 0;
    thumbRules.length = 0;
    thumbFetchError = undefined;
    await accountsStorage.setValue([testAccount('m1', 'mastodon'), testAccount('b1', 'bluesky')]);
  });

  it('gives each part its own record in the job, saved before the answer and handed back on retry', async () => {
    recording.add('m1');
    failures.set('m1', [limitedForHours()]);
    const job = await startPost(draftOf('d-rec', 'signed once', ['m1']));
    const failed = await settled(job.id);
    expect(failed.targets[0]?.status).toBe('failed');
    expect(failed.targets[0]?.parts[0]?.checkpoint).toEqual(relayAnswer('call 1'));

    await retryTarget(job.id, 'm1');
    await vi.waitFor(async () => expect(await isDone(job.id)).toBe(true));
    // The retry started from what the first attempt recorded, and its own record replaced it.
    expect(calls[1]?.checkpoint).toEqual(relayAnswer('call 1'));
    const done = (await storedJobs()).find((item) => item.id === job.id);
    expect(done?.targets[0]?.parts[0]?.checkpoint).toEqual(relayAnswer('call 2'));
  });

  it('records the job before posting, posts to every account and clears the delivered draft', async () => {
    const draft = draftOf('d1', 'hello', ['m1', 'b1']);
    await draftStorage.setValue(draft);
    const job = await startPost(draft);
    expect(job.targets.map((t) => t.status)).toEqual(['queued', 'queued']);
    expect(job.targets[0]?.parts[0]?.idempotencyKey).toMatch(/^mastodon-key-/);
    expect(job.targets[1]?.parts[0]?.idempotencyKey).toMatch(/^bluesky-key-/);

    const done = await settled(job.id);
    expect(done.targets.map((t) => t.status)).toEqual(['done', 'done']);
    expect(done.targets[0]?.parts[0]?.result?.url).toMatch(/^https:\/\/example.test\/m1-/);
    expect(calls.find((call) => call.accountId === 'm1')?.post).toMatchObject({
      text: 'hello',
      language: 'en',
      visibility: 'public',
    });
    expect(calls.every((call) => call.options.isRetry === false)).toBe(true);
    expect(await draftStorage.getValue()).toBeNull();
    expect(await lastTargetsStorage.getValue()).toEqual(['m1', 'b1']);
  });

  it('keeps the draft when an account fails for good; Retry reuses the idempotency key', async () => {
    const draft = draftOf('d2', 'again', ['m1', 'b1']);
    await draftStorage.setValue(draft);
    failures.set('m1', [limitedForHours()]);
    const job = await startPost(draft);
    const first = await settled(job.id);
    expect(first.targets.find((t) => t.accountId === 'm1')).toMatchObject({
      status: 'failed',
      error: { kind: 'rate-limit', status: 429, retryable: true },
    });
    expect(first.targets.find((t) => t.accountId === 'b1')?.status).toBe('done');
    expect((await draftStorage.getValue())?.id).toBe('d2');

    await retryTarget(job.id, 'm1');
    await vi.waitFor(async () => {
      const now = (await storedJobs())[0]!;
      expect(now.targets.find((t) => t.accountId === 'm1')?.status).toBe('done');
    });
    const mastodonCalls = calls.filter((call) => call.accountId === 'm1');
    expect(mastodonCalls).toHaveLength(2);
    expect(mastodonCalls[1]?.options.idempotencyKey).toBe(mastodonCalls[0]?.options.idempotencyKey);
    expect(mastodonCalls[1]?.options.isRetry).toBe(true);
    await vi.waitFor(async () => expect(await draftStorage.getValue()).toBeNull());
  });

  it('records an error in English that reads in German once the language is switched', async () => {
    failures.set('m1', [webPageInstead('server.example', 404)]);
    const job = await startPost(draftOf('d-de', 'hallo', ['m1']));
    const failed = (await settled(job.id)).targets[0]!;
    expect(failed.error?.message).toBe(
      'server.example answered with a web page instead of the API (error 404).',
    );
    installMessages('de', await load('de'));
    try {
      const reread = (await storedJobs()).find((item) => item.id === job.id)!.targets[0]!;
      expect(errorText(reread.error!)).toBe(
        'server.example hat mit einer Webseite statt der API geantwortet (Fehler 404).',
      );
    } finally {
      installMessages('en', await load('en'));
    }
  });

  it('gives up an attempt that never ends and retries it, so no account stays posting', async () => {
    vi.useFakeTimers({ now: 2_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      hangs.add('m1');
      const job = await startPost(draftOf('d-hang', 'stuck', ['m1', 'b1']));
      await vi.waitFor(async () => {
        const targets = (await storedJobs())[0]!.targets;
        expect(targets.map((t) => t.status)).toEqual(['posting', 'done']);
      });
      expect(calls.find((call) => call.accountId === 'm1')?.options.signal).toBeInstanceOf(
        AbortSignal,
      );
      await vi.advanceTimersByTimeAsync(ATTEMPT_DEADLINE_MS);
      await vi.waitFor(async () => {
        const stuck = (await storedJobs())[0]!.targets[0]!;
        expect(stuck).toMatchObject({
          status: 'waiting',
          waitingFor: 'retry',
          error: { kind: 'network', retryable: true },
        });
        expect(stuck.error?.message).toMatch(/did not finish taking the post in 5 minutes/);
      });
      expect(calls.find((call) => call.accountId === 'm1')?.options.signal?.aborted).toBe(true);
      // The retry runs (the hung attempt no longer holds the account) with the same key.
      for (let step = 0; step < 8; step += 1) await vi.advanceTimersByTimeAsync(500);
      const done = await settled(job.id);
      expect(done.targets[0]).toMatchObject({ status: 'done', attempts: 2 });
      const keys = calls
        .filter((call) => call.accountId === 'm1')
        .map((c) => c.options.idempotencyKey);
      expect(keys).toHaveLength(2);
      expect(new Set(keys).size).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('retries server errors by itself, with growing delays and the same key', async () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      failures.set('m1', [unavailable(), unavailable()]);
      const job = await startPost(draftOf('d-503', 'flaky', ['m1']));
      await vi.waitFor(async () => {
        const waiting = (await storedJobs())[0]!.targets[0]!;
        expect(waiting).toMatchObject({ status: 'waiting', waitingFor: 'retry' });
        expect(waiting.nextAttemptAt! - Date.now()).toBeGreaterThanOrEqual(900);
        expect(waiting.nextAttemptAt! - Date.now()).toBeLessThanOrEqual(2_000);
      });
      // Second attempt after 1–2 s, third after 2–4 s more: at most 8 s in all. The outbox is
      // IndexedDB, whose work takes real time, so each step first lets the last write land.
      for (let step = 0; step < 16 && !(await isDone(job.id)); step += 1) {
        await vi.advanceTimersByTimeAsync(500);
      }
      const done = await settled(job.id);
      expect(done.targets[0]).toMatchObject({ status: 'done', attempts: 3 });
      const keys = calls.map((call) => call.options.idempotencyKey);
      expect(new Set(keys).size).toBe(1);
      expect(calls.map((call) => call.options.isRetry)).toEqual([false, true, true]);
      const alarm = await fakeBrowser.alarms.get('outbox');
      expect(alarm?.scheduledTime).toBeGreaterThan(1_000_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits for a reconnect after an auth error, then finishes', async () => {
    failures.set('b1', [new CrosswindError('auth', 'Session ended. Reconnect the account.')]);
    const job = await startPost(draftOf('d3', 'x', ['b1']));
    await vi.waitFor(async () =>
      expect((await storedJobs())[0]?.targets[0]).toMatchObject({
        status: 'waiting',
        waitingFor: 'reconnect',
        error: { kind: 'auth' },
      }),
    );
    const accounts = await accountsStorage.getValue();
    expect(accounts.find((a) => a.id === 'b1')?.state).toBe('reconnect');
    // Nothing happens while the account still needs reconnecting.
    await resumeDue();
    expect(calls).toHaveLength(1);

    await accountsStorage.setValue(
      accounts.map((account) => ({ ...account, state: 'connected' as const })),
    );
    await resumeDue();
    const done = await settled(job.id);
    expect(done.targets[0]?.status).toBe('done');
    expect(calls).toHaveLength(2);
  });

  it('waits while the browser is offline and goes out once it is back', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    try {
      failures.set('m1', [new CrosswindError('network', 'Could not reach server.example.')]);
      const job = await startPost(draftOf('d-off', 'offline', ['m1']));
      await vi.waitFor(async () =>
        expect((await storedJobs())[0]?.targets[0]).toMatchObject({
          status: 'waiting',
          waitingFor: 'online',
        }),
      );
      await resumeDue();
      expect(calls).toHaveLength(1);
      vi.stubGlobal('navigator', { onLine: true });
      await resumeDue();
      expect((await settled(job.id)).targets[0]?.status).toBe('done');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('refuses empty text, no targets and unknown accounts before recording anything', async () => {
    await expect(startPost(draftOf('d', '  ', ['m1']))).rejects.toThrow('Write something to post.');
    await expect(startPost(draftOf('d', 'x', []))).rejects.toThrow(
      'Pick at least one account to post to.',
    );
    await expect(startPost(draftOf('d', 'x', ['gone']))).rejects.toThrow(
      'Account gone is no longer connected.',
    );
    await expect(startPost(draftOf('d', 'y'.repeat(501), ['m1']))).rejects.toThrow(
      'Too long for @m1@server.example (Mastodon): shorten it or post it as a thread.',
    );
    expect(await storedJobs()).toEqual([]);
  });

  it('resumes targets left queued or in flight by a stopped worker, as retries', async () => {
    await seedJobs([
      leftJob('j-old', 'd-old', 0, [
        target('m1', 'posting', ['k-m'], 1),
        target('b1', 'queued', ['k-b'], 0),
      ]),
    ]);
    await resumeDue();
    const job = (await storedJobs())[0]!;
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

  it('clears a delivered draft that a worker stopped before clearing, and keeps one not yet delivered', async () => {
    await seedJobs([
      // Delivered everywhere, its draft left behind.
      leftJob('j-sent', 'd-sent', 0, [
        target('m1', 'done', ['k-m'], 1),
        target('b1', 'done', ['k-b'], 1),
      ]),
      // One account failed for good: the draft stays for Retry.
      leftJob('j-half', 'd-half', 1, [
        target('m1', 'done', ['k-m2'], 1),
        target('b1', 'failed', ['k-b2'], 3),
      ]),
    ]);
    await draftStorage.setValue(draftOf('d-half', 'kept for a retry', ['m1', 'b1']));
    await resumeDue();
    expect((await draftStorage.getValue())?.id).toBe('d-half');

    await draftStorage.setValue(draftOf('d-sent', 'already everywhere', ['m1', 'b1']));
    await resumeDue();
    expect(await draftStorage.getValue()).toBeNull();
    // Nothing was posted again.
    expect(calls).toEqual([]);
  });

  it('does not run the same target twice at once', async () => {
    await seedJobs([
      {
        id: 'j-twice',
        draftId: 'd',
        createdAt: 0,
        summary: 'once',
        targets: [target('m1', 'queued', ['k'], 0)],
      },
    ]);
    await Promise.all([runTarget('j-twice', 'm1'), runTarget('j-twice', 'm1')]);
    expect(calls.filter((c) => c.accountId === 'm1')).toHaveLength(1);
  });

  it('posts a thread as a reply chain, and a retry continues from the part that failed', async () => {
    const paragraphs = [
      'First part. '.repeat(20),
      'Second part. '.repeat(20),
      'Third part. '.repeat(20),
    ];
    const draft = draftOf('d-thread', paragraphs.join('\n\n'), ['b1'], { threadTargets: ['b1'] });
    failures.set('b1', [null, limitedForHours()]);
    const job = await startPost(draft);
    expect(job.targets[0]?.parts).toHaveLength(3);

    const first = await settled(job.id);
    const failed = first.targets[0]!;
    expect(failed.status).toBe('failed');
    expect(failed.parts.map((part) => part.result !== undefined)).toEqual([true, false, false]);

    await retryTarget(job.id, 'b1');
    await vi.waitFor(async () => expect((await storedJobs())[0]?.targets[0]?.status).toBe('done'));
    const parts = (await storedJobs())[0]!.targets[0]!.parts;
    const posts = calls.filter((call) => call.accountId === 'b1');
    // Part 1 once, part 2 twice (failed, then retried), part 3 once: nothing posted twice.
    expect(posts.map((call) => call.options.idempotencyKey)).toEqual([
      parts[0]!.idempotencyKey,
      parts[1]!.idempotencyKey,
      parts[1]!.idempotencyKey,
      parts[2]!.idempotencyKey,
    ]);
    expect(posts[0]?.post.replyTo).toBeUndefined();
    expect(posts[3]?.post.replyTo).toEqual({ root: parts[0]!.result, parent: parts[1]!.result });
    expect(posts[2]?.post.replyTo).toEqual({ root: parts[0]!.result, parent: parts[0]!.result });
  });

  it('sends the content warning, label, visibility and language the draft chose', async () => {
    const draft = draftOf('d-cw', 'spoilers ahead', ['m1', 'b1'], {
      contentWarning: 'Dune ending',
      visibility: 'unlisted',
      language: 'fr',
      blueskyLabel: 'graphic-media',
    });
    const job = await startPost(draft);
    await settled(job.id);
    expect(calls.find((call) => call.accountId === 'm1')?.post).toMatchObject({
      text: 'spoilers ahead',
      spoilerText: 'Dune ending',
      sensitive: true,
      visibility: 'unlisted',
      language: 'fr',
    });
    const bluesky = calls.find((call) => call.accountId === 'b1')?.post;
    expect(bluesky).toMatchObject({
      text: 'spoilers ahead',
      labels: ['graphic-media'],
      language: 'fr',
    });
    expect(bluesky?.spoilerText).toBeUndefined();
    expect(bluesky?.visibility).toBeUndefined();
  });

  it('uploads images once, attaches them to the first part only, and keeps them across a retry', async () => {
    const images = [
      {
        id: 'img-1',
        name: 'one.jpg',
        type: 'image/jpeg',
        width: 4,
        height: 3,
        bytes: 9,
        alt: 'A cat',
      },
      { id: 'img-2', name: 'two.jpg', type: 'image/jpeg', width: 4, height: 3, bytes: 9, alt: '' },
    ];
    const draft = draftOf('d-img', 'first\n---\nsecond', ['m1'], { images });
    failures.set('m1', [limitedForHours()]);
    const job = await startPost(draft);
    expect(job.targets[0]?.content.images).toEqual([
      { id: 'img-1', alt: 'A cat', name: 'one.jpg' },
      { id: 'img-2', alt: '', name: 'two.jpg' },
    ]);
    const failed = await settled(job.id);
    expect(failed.targets[0]?.media?.map((item) => item.id)).toEqual(['m1-media-1', 'm1-media-2']);

    await retryTarget(job.id, 'm1');
    await vi.waitFor(async () => expect((await storedJobs())[0]?.targets[0]?.status).toBe('done'));
    expect(uploads).toEqual([
      { accountId: 'm1', alt: 'A cat' },
      { accountId: 'm1', alt: '' },
    ]);
    const posted = calls.filter((call) => call.accountId === 'm1');
    expect(posted.map((call) => call.post.media?.map((item) => item.id))).toEqual([
      ['m1-media-1', 'm1-media-2'],
      ['m1-media-1', 'm1-media-2'],
      undefined,
    ]);
    expect(posted.every((call) => !('images' in call.post))).toBe(true);
  });
  describe('link cards', () => {
    const card = {
      url: 'https://news.example/story',
      title: 'The story',
      description: 'What happened.',
      image: 'https://news.example/story.png',
      imageAlt: 'A chart',
    };
    const text = 'Read https://news.example/story\n---\nAnd a second thought.';

    it('uploads the thumbnail once, sends the card on the first post only, and keeps it across a retry', async () => {
      failures.set('b1', [limitedForHours()]);
      const job = await startPost(draftOf('d-card', text, ['m1', 'b1'], { linkCard: card }));
      const failed = await settled(job.id);
      const bluesky = failed.targets.find((t) => t.accountId === 'b1');
      expect(bluesky).toMatchObject({
        status: 'failed',
        cardThumb: { id: 'b1-media-1', alt: 'A chart' },
      });
      expect(thumbRules).toEqual([{ maxBytes: 1_000_000, maxEdge: 2000 }]);

      await retryTarget(job.id, 'b1');
      await vi.waitFor(async () =>
        expect((await storedJobs())[0]?.targets[1]?.status).toBe('done'),
      );
      expect(thumbFetches).toEqual([card.image]);
      expect(uploads).toEqual([{ accountId: 'b1', alt: 'A chart' }]);
      const posts = calls.filter((call) => call.accountId === 'b1').map((call) => call.post);
      const thumb = { id: 'b1-media-1', alt: 'A chart', width: 4, height: 3 };
      expect(posts.map((post) => post.linkCard)).toEqual([
        { ...card, thumb },
        { ...card, thumb },
        undefined,
      ]);
      // Mastodon builds its own card from the link in the text.
      const mastodon = calls.filter((call) => call.accountId === 'm1');
      expect(mastodon).toHaveLength(2);
      expect(mastodon.every((call) => call.post.linkCard === undefined)).toBe(true);
    });

    it('posts the card without a thumbnail when the page’s image cannot be had', async () => {
      thumbFetchError = new CrosswindError('validation', 'news.example has no image there.', {
        status: 404,
      });
      failures.set('b1', [limitedForHours()]);
      const job = await startPost(draftOf('d-card-404', text, ['b1'], { linkCard: card }));
      const failed = await settled(job.id);
      expect(failed.targets[0]).toMatchObject({ status: 'failed', cardThumb: null });

      // Recorded as "none": the retry does not try the image again.
      await retryTarget(job.id, 'b1');
      await vi.waitFor(async () =>
        expect((await storedJobs())[0]?.targets[0]?.status).toBe('done'),
      );
      expect(thumbFetches).toEqual([card.image]);
      expect(uploads).toEqual([]);
      expect(calls.map((call) => call.post.linkCard)).toEqual([card, card, undefined]);
    });

    it('retries a failed thumbnail upload like any other, then posts with it', async () => {
      uploadFailures.set('b1', [limitedForHours()]);
      const job = await startPost(draftOf('d-card-429', text, ['b1'], { linkCard: card }));
      const failed = await settled(job.id);
      expect(failed.targets[0]).toMatchObject({ status: 'failed', error: { kind: 'rate-limit' } });
      expect(failed.targets[0]?.cardThumb).toBeUndefined();
      expect(calls).toEqual([]);

      await retryTarget(job.id, 'b1');
      await vi.waitFor(async () =>
        expect((await storedJobs())[0]?.targets[0]?.status).toBe('done'),
      );
      expect(calls[0]?.post.linkCard?.thumb?.id).toBe('b1-media-1');
    });
  });
});
