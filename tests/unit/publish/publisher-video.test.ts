import { seedJobs, storedJobs } from '../outbox-fixtures';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { newDraft, type Draft, type DraftVideo } from '@/utils/compose/draft';
import { CrosswindError } from '@/utils/errors';
import { saveVideo } from '@/utils/media/video-store';
import type {
  NetworkAdapter,
  OutgoingPost,
  VideoTransfer,
  VideoUploadOptions,
} from '@/utils/networks/types';
import type { PostJob } from '@/utils/publish/types';
import { accountsStorage } from '@/utils/storage';
import { testAccount } from '../test-accounts';
import { measure as blueskyMeasure } from '@/utils/networks/bluesky/measure';
import { measure as mastodonMeasure } from '@/utils/networks/mastodon/measure';

interface VideoCall {
  accountId: string;
  bytes: string;
  resume?: VideoTransfer;
  post: OutgoingPost;
}

const videoCalls: VideoCall[] = [];
const posts: Array<{ accountId: string; post: OutgoingPost }> = [];
// What the job said while the fake upload was reporting, read back from the outbox.
const seenWhileUploading: Array<VideoTransfer | undefined> = [];
let publishFailures: CrosswindError[] = [];
// What the next upload does after recording its job: fail with this.
let uploadFailure: CrosswindError | undefined;

function fakeAdapter(id: 'mastodon' | 'bluesky'): NetworkAdapter {
  let next = 0;
  return {
    id,
    signIn: { kind: 'form', connect: () => Promise.reject(new Error('not used here')) },
    newIdempotencyKey: () => `${id}-key-${++next}`,
    measure: id === 'mastodon' ? mastodonMeasure : blueskyMeasure,
    async publish(account, post) {
      posts.push({ accountId: account.id, post });
      const failure = publishFailures.shift();
      if (failure) throw failure;
      return { id: `${account.id}-post`, url: `https://example.test/${account.id}` };
    },
    imageRules: () => ({ maxBytes: 1_000_000, maxEdge: 2000 }),
    uploadImage: () => Promise.reject(new Error('no images here')),
    async uploadVideo(account, upload, options: VideoUploadOptions) {
      videoCalls.push({
        accountId: account.id,
        bytes: await upload.file.text(),
        ...(options.resume && { resume: options.resume }),
        post: options.post,
      });
      const total = upload.file.size;
      if (!options.resume?.processingId) {
        await options.report({ stage: 'uploading', sentBytes: 0, totalBytes: total });
        await options.report({
          stage: 'processing',
          sentBytes: total,
          totalBytes: total,
          processingId: `${account.id}-media`,
        });
      }
      if (uploadFailure) throw uploadFailure;
      const job = (await storedJobs())[0];
      seenWhileUploading.push(job?.targets.find((t) => t.accountId === account.id)?.videoTransfer);
      return {
        id: options.resume?.processingId ?? `${account.id}-media`,
        alt: upload.video.alt,
        width: upload.video.width,
        height: upload.video.height,
      };
    },
    remove: async () => 'deleted' as const,
    refresh: async () => {
      throw new Error('not used');
    },
    disconnect: async () => undefined,
  };
}

vi.mock('@/utils/networks', () => ({
  ADAPTERS: { mastodon: fakeAdapter('mastodon'), bluesky: fakeAdapter('bluesky') },
}));

const { startPost, resumeDue } = await import('@/utils/publish/publisher');

const clip: DraftVideo = {
  id: 'clip',
  name: 'kite.webm',
  type: 'video/webm',
  bytes: 9,
  durationMs: 10_000,
  width: 640,
  height: 360,
  alt: 'A kite over the sea',
};

function draftWith(video: DraftVideo, text = 'Look at this'): Draft {
  return { ...newDraft(['m1'], 'en'), id: 'd-video', text, video };
}

async function settled(jobId: string): Promise<PostJob> {
  await vi.waitFor(async () => {
    const job = (await storedJobs()).find((item) => item.id === jobId);
    expect(job?.targets.every((t) => t.status === 'done' || t.status === 'failed')).toBe(true);
  });
  return (await storedJobs()).find((item) => item.id === jobId)!;
}

describe('publishing a video', () => {
  beforeEach(async () => {
    videoCalls.length = 0;
    posts.length = 0;
    seenWhileUploading.length = 0;
    publishFailures = [];
    uploadFailure = undefined;
    await accountsStorage.setValue([testAccount('m1', 'mastodon')]);
    await saveVideo(clip.id, new Blob(['webm data'], { type: 'video/webm' }));
  });

  it('uploads the stored clip, records its way there, and posts it with the text', async () => {
    const job = await startPost(draftWith(clip));
    const done = await settled(job.id);
    expect(videoCalls).toEqual([
      {
        accountId: 'm1',
        bytes: 'webm data',
        post: expect.objectContaining({ text: 'Look at this' }) as OutgoingPost,
      },
    ]);
    // The media id was recorded before the upload answered: a restart would ask about it.
    expect(seenWhileUploading[0]).toEqual({
      stage: 'processing',
      sentBytes: 9,
      totalBytes: 9,
      processingId: 'm1-media',
    });
    expect(posts[0]?.post.video).toEqual({
      id: 'm1-media',
      alt: 'A kite over the sea',
      width: 640,
      height: 360,
    });
    // The stored file's reference is not what the network gets.
    expect(posts[0]?.post).not.toHaveProperty('images');
    const target = done.targets[0];
    expect(target).toMatchObject({ status: 'done', video: { id: 'm1-media' } });
    expect(target).not.toHaveProperty('videoTransfer');
  });

  it('continues an upload a stopped worker left processing, instead of sending it again', async () => {
    await seedJobs([
      {
        id: 'j-resume',
        draftId: 'd',
        createdAt: 1,
        summary: 'x',
        targets: [
          {
            accountId: 'm1',
            status: 'uploading',
            content: { parts: ['x'], video: clip },
            parts: [{ idempotencyKey: 'k1' }],
            attempts: 1,
            videoTransfer: {
              stage: 'processing',
              sentBytes: 9,
              totalBytes: 9,
              processingId: 'earlier-media',
            },
            updatedAt: 1,
          },
        ],
      },
    ]);
    await resumeDue();
    const done = await settled('j-resume');
    expect(videoCalls[0]?.resume).toEqual({
      stage: 'processing',
      sentBytes: 9,
      totalBytes: 9,
      processingId: 'earlier-media',
    });
    expect(posts[0]?.post.video?.id).toBe('earlier-media');
    expect(done.targets[0]?.status).toBe('done');
  });

  it('keeps the uploaded clip when only the post failed, so a retry does not upload it again', async () => {
    publishFailures = [new CrosswindError('server', 'server.example had a problem (error 503).')];
    const job = await startPost(draftWith(clip));
    await vi.waitFor(async () => {
      const stored = (await storedJobs()).find((item) => item.id === job.id);
      expect(stored?.targets[0]?.status).toBe('waiting');
    });
    const waiting = (await storedJobs()).find((item) => item.id === job.id)!;
    expect(waiting.targets[0]?.video?.id).toBe('m1-media');
    await seedJobs([{ ...waiting, targets: [{ ...waiting.targets[0]!, nextAttemptAt: 0 }] }]);
    await resumeDue();
    await settled(job.id);
    expect(videoCalls).toHaveLength(1);
    expect(posts).toHaveLength(2);
  });

  it('forgets an upload the server refused for good, so a retry starts afresh', async () => {
    uploadFailure = new CrosswindError(
      'validation',
      'server.example could not process the video.',
      {
        status: 422,
        retryable: false,
      },
    );
    const job = await startPost(draftWith(clip));
    const done = await settled(job.id);
    expect(done.targets[0]).toMatchObject({
      status: 'failed',
      error: { message: 'server.example could not process the video.' },
    });
    expect(done.targets[0]).not.toHaveProperty('videoTransfer');
  });

  it('fails with words when the clip is no longer stored', async () => {
    const job = await startPost(draftWith({ ...clip, id: 'missing' }));
    const done = await settled(job.id);
    expect(done.targets[0]).toMatchObject({
      status: 'failed',
      error: { message: 'kite.webm is no longer stored. Attach it again.' },
    });
    expect(videoCalls).toHaveLength(0);
  });
});
