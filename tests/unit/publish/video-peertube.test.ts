import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDraft } from '@/utils/compose/draft';
import { saveVideo } from '@/utils/media/video-store';
import { connectPeerTube } from '@/utils/networks/peertube/sign-in';
import { PUBLISH_WAIT } from '@/utils/networks/peertube/processing';
import { FIRST_SLICE_BYTES } from '@/utils/networks/peertube/slice-size';
import type { Account, AttachedVideo } from '@/utils/networks/types';
import { getJob } from '@/utils/publish/job-store';
import { retryTarget, startPost } from '@/utils/publish/publisher';
import type { PostJob } from '@/utils/publish/types';
import { accountsStorage } from '@/utils/storage';
import { startPeerTubeServer, type PeerTubeServer } from '../../servers/peertube';

// The whole path for a PeerTube account: the job records the upload session and each confirmed
// offset, and a retry after a failure midway continues from there and ends with one video.

let server: PeerTubeServer;
let account: Account;
const SIZE = FIRST_SLICE_BYTES * 4 + 12_345;
const data = new Uint8Array(SIZE).map((_, index) => (index * 13 + 5) % 256);
const video: AttachedVideo = {
  id: 'clip-1',
  name: 'clip.webm',
  alt: '',
  type: 'video/webm',
  bytes: SIZE,
  durationMs: 10_000,
  width: 320,
  height: 240,
};

beforeEach(async () => {
  server = await startPeerTubeServer({
    users: [{ username: 'alice', password: 'alice-password' }],
  });
  account = await connectPeerTube({
    server: server.url,
    username: 'alice',
    password: 'alice-password',
  });
  await accountsStorage.setValue([account]);
  await saveVideo(video.id, new Blob([data], { type: video.type }));
});

afterEach(() => server.close());

async function settled(jobId: string, ends = ['done', 'failed', 'waiting']): Promise<PostJob> {
  for (let tries = 0; tries < 200; tries += 1) {
    const job = await getJob(jobId);
    const status = job?.targets[0]?.status;
    if (job && status && ends.includes(status)) return job;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error('the job did not settle');
}

describe('posting a clip to PeerTube', () => {
  it('uploads it resumably, records the session, and posts the watch link', async () => {
    const draft = {
      ...newDraft([account.id], 'en'),
      text: 'Sunset over the bay\nFilmed from the pier. #sunset',
      video,
    };
    const job = await settled((await startPost(draft)).id);
    const target = job.targets[0]!;
    expect(target.error).toBeUndefined();
    expect(target.status).toBe('done');
    const made = server.state.videos[0]!;
    expect(made).toMatchObject({
      name: 'Sunset over the bay',
      description: 'Filmed from the pier. #sunset',
      tags: ['sunset'],
    });
    expect(made.sha256).toBe(createHash('sha256').update(data).digest('hex'));
    expect(target.parts[0]?.result).toEqual({
      id: made.uuid,
      url: `${server.url}/w/${made.shortUUID}`,
    });
    expect(target.videoTransfer).toBeUndefined();
  });

  it('continues from the recorded offset after a failure midway, with no slice sent twice and one video', async () => {
    // The third slice fails: the post waits for a retry with two slices on the server, 1 MiB and
    // then 2 MiB (a local server answers fast, so the second slice is twice the first).
    server.control.fail({
      path: '/api/v1/videos/upload-resumable',
      method: 'PUT',
      status: 500,
      after: 2,
    });
    const draft = { ...newDraft([account.id], 'en'), text: 'Waves', video };
    const { id } = await startPost(draft);
    const waiting = await settled(id);
    const transfer = waiting.targets[0]?.videoTransfer;
    expect(waiting.targets[0]?.status).toBe('waiting');
    expect(transfer).toMatchObject({
      stage: 'uploading',
      sentBytes: FIRST_SLICE_BYTES * 3,
      totalBytes: SIZE,
    });
    expect(transfer?.resumeUrl).toContain('upload_id=');
    await retryTarget(id, account.id);
    const done = await settled(id, ['done', 'failed']);
    expect(done.targets[0]?.status).toBe('done');
    expect(server.state.videos).toHaveLength(1);
    const starts = server.state.ranges.map((range) => range.start);
    expect(new Set(starts).size).toBe(starts.length);
    expect(server.state.videos[0]?.sha256).toBe(createHash('sha256').update(data).digest('hex'));
  });

  it('counts a video PeerTube still transcodes past the wait as delivered, with its link and a notice', async () => {
    const saved = { ...PUBLISH_WAIT };
    Object.assign(PUBLISH_WAIT, { firstLookMs: 20, slowestLookMs: 20, limitMs: 100 });
    try {
      server.control.transcoding({ outcome: 'stalled' });
      const draft = { ...newDraft([account.id], 'en'), text: 'Slow harbour', video };
      const job = await settled((await startPost(draft)).id);
      const target = job.targets[0]!;
      expect(target.status).toBe('done');
      const made = server.state.videos[0]!;
      expect(target.parts[0]?.result?.url).toBe(`${server.url}/w/${made.shortUUID}`);
      expect(target.notice).toMatchObject({ key: 'peertube.stillTranscoding' });
    } finally {
      Object.assign(PUBLISH_WAIT, saved);
    }
  });

  it('fails for good, in words, when PeerTube could not transcode the clip', async () => {
    server.control.transcoding({ outcome: 'failed' });
    const draft = { ...newDraft([account.id], 'en'), text: 'Broken harbour', video };
    const job = await settled((await startPost(draft)).id, ['done', 'failed']);
    const target = job.targets[0]!;
    expect(target.status).toBe('failed');
    expect(target.error?.message).toMatch(/could not transcode the video/);
    expect(server.state.videos).toHaveLength(1);
  });
});
