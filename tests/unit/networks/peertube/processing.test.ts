import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrosswindError } from '@/utils/errors';
import { peertubeAdapter } from '@/utils/networks/peertube/adapter';
import { PUBLISH_WAIT, untilPublished } from '@/utils/networks/peertube/processing';
import { apiFor } from '@/utils/networks/peertube/session';
import { connectPeerTube } from '@/utils/networks/peertube/sign-in';
import type { Account, AttachedVideo, VideoTransfer } from '@/utils/networks/types';
import { startPeerTubeServer, type PeerTubeServer } from '../../../servers/peertube';
import { stateOf } from '../../../servers/peertube/videos';

// After the last byte PeerTube transcodes: the video's `state.id` is 2 until it is published (1)
// or its transcoding failed (7). Crosswind waits for that, within a limit.

let server: PeerTubeServer;
let account: Account;
const quick = { firstLookMs: 20, slowestLookMs: 40, limitMs: 2_000 };
const saved = { ...PUBLISH_WAIT };

const video: AttachedVideo = {
  id: 'video-1',
  name: 'holiday.webm',
  alt: '',
  type: 'video/webm',
  bytes: 500,
  durationMs: 10_000,
  width: 640,
  height: 360,
};
const file = new Blob([new Uint8Array(500)]);
const post = { text: 'Harbour at dusk\nThe boats come in.' };

async function start(transcodeMs: number): Promise<void> {
  server = await startPeerTubeServer({
    transcodeMs,
    users: [{ username: 'alice', password: 'alice-password' }],
  });
  account = await connectPeerTube({
    server: server.url,
    username: 'alice',
    password: 'alice-password',
  });
}

/** Uploads a clip straight to the test server and answers its uuid. */
async function uploaded(): Promise<string> {
  const api = await apiFor(account);
  const init = await api.call('/api/v1/videos/upload-resumable', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Upload-Content-Length': '500',
      'X-Upload-Content-Type': 'video/webm',
    },
    body: JSON.stringify({ name: 'Harbour', channelId: 1, filename: 'h.webm' }),
  });
  const answer = await api.call(api.resolve(init.headers.get('location')!), {
    method: 'PUT',
    headers: { 'Content-Range': 'bytes 0-499/500' },
    body: file,
  });
  return (answer.json as { video: { uuid: string } }).video.uuid;
}

beforeEach(() => Object.assign(PUBLISH_WAIT, quick));
afterEach(async () => {
  Object.assign(PUBLISH_WAIT, saved);
  await server.close();
});

describe('waiting for PeerTube to publish an upload', () => {
  it('reports "processing" with the video as the thing to ask about, until it is published', async () => {
    await start(150);
    const uuid = await uploaded();
    const reports: VideoTransfer[] = [];
    const api = await apiFor(account);
    const outcome = await untilPublished(
      api,
      uuid,
      { totalBytes: 500, report: async (transfer) => void reports.push(transfer) },
      quick,
    );
    const made = server.state.videos[0]!;
    expect(outcome).toEqual({
      kind: 'published',
      video: { uuid, shortUUID: made.shortUUID },
    });
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((item) => item.stage === 'processing' && item.processingId === uuid)).toBe(
      true,
    );
    expect(stateOf(made)).toBe(1);
  });

  it('stops with the reason when transcoding failed (state 7), not to be retried as is', async () => {
    await start(50);
    server.control.transcoding({ outcome: 'failed' });
    const uuid = await uploaded();
    const error = await untilPublished(
      await apiFor(account),
      uuid,
      { totalBytes: 500, report: async () => undefined },
      quick,
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(CrosswindError);
    expect(error).toMatchObject({ kind: 'server', retryable: false });
    expect((error as Error).message).toBe(
      `${new URL(server.url).host} could not transcode the video. The upload worked and the video stays on your channel, marked as failed: try another clip or format.`,
    );
  });

  it('gives up waiting at the limit and says the video is still processing', async () => {
    await start(0);
    server.control.transcoding({ outcome: 'stalled' });
    const uuid = await uploaded();
    const started = Date.now();
    const outcome = await untilPublished(
      await apiFor(account),
      uuid,
      { totalBytes: 500, report: async () => undefined },
      { ...quick, limitMs: 200 },
    );
    expect(outcome.kind).toBe('still-processing');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('the PeerTube adapter after the upload', () => {
  it('ends with the stage "processing" and the watch link once published', async () => {
    await start(100);
    const reports: VideoTransfer[] = [];
    const media = await peertubeAdapter.uploadVideo!(
      account,
      { file, video },
      { post, report: async (transfer) => void reports.push(transfer) },
    );
    const made = server.state.videos[0]!;
    expect(stateOf(made)).toBe(1);
    expect(media).toMatchObject({ id: made.uuid, url: `${server.url}/w/${made.shortUUID}` });
    expect(media.notice).toBeUndefined();
    const stages = reports.map((item) => item.stage);
    expect(stages.indexOf('processing')).toBeGreaterThan(stages.lastIndexOf('uploading'));
    expect(reports.at(-1)).toMatchObject({ stage: 'processing', processingId: made.uuid });
  });

  it('a restarted worker waits for the recorded video instead of uploading it again', async () => {
    await start(100);
    const uuid = await uploaded();
    const posts = () => server.state.requests.filter((request) => request.method === 'POST');
    const before = posts().length;
    const media = await peertubeAdapter.uploadVideo!(
      account,
      { file, video },
      {
        post,
        report: async () => undefined,
        resume: { stage: 'processing', sentBytes: 500, totalBytes: 500, processingId: uuid },
      },
    );
    expect(posts()).toHaveLength(before);
    expect(server.state.videos).toHaveLength(1);
    expect(media.url).toBe(`${server.url}/w/${server.state.videos[0]!.shortUUID}`);
  });

  it('uploads again when the recorded video is gone from the server', async () => {
    await start(0);
    const media = await peertubeAdapter.uploadVideo!(
      account,
      { file, video },
      {
        post,
        report: async () => undefined,
        resume: {
          stage: 'processing',
          sentBytes: 500,
          totalBytes: 500,
          processingId: '00000000-0000-4000-8000-000000000000',
        },
      },
    );
    expect(server.state.videos).toHaveLength(1);
    expect(media.id).toBe(server.state.videos[0]!.uuid);
  });

  it('past the limit, the post is linked and carries a notice that PeerTube still transcodes', async () => {
    await start(0);
    PUBLISH_WAIT.limitMs = 150;
    server.control.transcoding({ outcome: 'stalled' });
    const media = await peertubeAdapter.uploadVideo!(
      account,
      { file, video },
      { post, report: async () => undefined },
    );
    expect(media.url).toBe(`${server.url}/w/${server.state.videos[0]!.shortUUID}`);
    expect(media.notice).toEqual({
      key: 'peertube.stillTranscoding',
      values: { host: new URL(server.url).host, minutes: 0 },
    });
  });
});
