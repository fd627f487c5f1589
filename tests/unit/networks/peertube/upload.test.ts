import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrosswindError } from '@/utils/errors';
import { peertubeAdapter } from '@/utils/networks/peertube/adapter';
import { apiFor } from '@/utils/networks/peertube/session';
import { connectPeerTube } from '@/utils/networks/peertube/sign-in';
import { offsetOf, uploadResumable } from '@/utils/networks/peertube/upload';
import type { Account, AttachedVideo, VideoTransfer } from '@/utils/networks/types';
import { startPeerTubeServer, type PeerTubeServer } from '../../../servers/peertube';

const CHUNK = 64 * 1024;
let server: PeerTubeServer;
let account: Account;

function clip(size: number): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(size);
  for (let index = 0; index < size; index += 1) data[index] = (index * 7 + 3) % 256;
  return data;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

const video = (bytes: number): AttachedVideo => ({
  id: 'video-1',
  name: 'holiday.webm',
  alt: 'A cat on a boat',
  type: 'video/webm',
  bytes,
  durationMs: 10_000,
  width: 640,
  height: 360,
});

beforeEach(async () => {
  server = await startPeerTubeServer({
    users: [{ username: 'alice', password: 'alice-password' }],
  });
  account = await connectPeerTube({
    server: server.url,
    username: 'alice',
    password: 'alice-password',
  });
});

afterEach(() => server.close());

const metadata = { name: 'A cat on a boat', channelId: 1, filename: 'clip.webm', lastModified: 1 };

describe('PeerTube resumable upload', () => {
  it('sends the file in slices, recording the session and the confirmed offset after each', async () => {
    const data = clip(CHUNK * 3 + 100);
    const reports: VideoTransfer[] = [];
    const made = await uploadResumable(
      {
        api: await apiFor(account),
        file: new Blob([data]),
        type: 'video/webm',
        metadata,
        chunkBytes: CHUNK,
      },
      { report: async (transfer) => void reports.push(transfer) },
    );
    expect(made.uuid).toBe(server.state.videos[0]?.uuid);
    expect(server.state.videos[0]?.sha256).toBe(sha256(data));
    expect(reports.map((item) => item.sentBytes)).toEqual([0, CHUNK, CHUNK * 2, CHUNK * 3]);
    expect(
      reports.every((item) =>
        item.resumeUrl?.startsWith(`${server.url}/api/v1/videos/upload-resumable?upload_id=`),
      ),
    ).toBe(true);
  });

  it('starts with 1 MiB slices and doubles them while the server answers quickly, as PeerTube does', async () => {
    const MiB = 1024 * 1024;
    const data = clip(10 * MiB);
    const made = await uploadResumable(
      { api: await apiFor(account), file: new Blob([data]), type: 'video/webm', metadata },
      { report: async () => undefined },
    );
    expect(made.id).toBe(server.state.videos[0]?.id);
    expect(server.state.ranges.map((range) => (range.end - range.start) / MiB)).toEqual([
      1, 2, 4, 3,
    ]);
    expect(server.state.videos[0]?.sha256).toBe(sha256(data));
  });

  it('continues a stopped upload from where the server is, sending no slice twice, and makes one video', async () => {
    const data = clip(CHUNK * 6);
    const api = await apiFor(account);
    let recorded: VideoTransfer | undefined;
    const stop = new AbortController();
    const first = uploadResumable(
      { api, file: new Blob([data]), type: 'video/webm', metadata, chunkBytes: CHUNK },
      {
        signal: stop.signal,
        report: async (transfer) => {
          recorded = transfer;
          // The worker is stopped once half the file is on the server.
          if (transfer.sentBytes >= CHUNK * 3)
            stop.abort(new CrosswindError('cancelled', 'stopped'));
        },
      },
    );
    await expect(first).rejects.toThrow();
    expect(recorded?.sentBytes).toBe(CHUNK * 3);
    const made = await uploadResumable(
      {
        api: await apiFor(account),
        file: new Blob([data]),
        type: 'video/webm',
        metadata,
        chunkBytes: CHUNK,
      },
      { resume: recorded!, report: async (transfer) => void (recorded = transfer) },
    );
    expect(server.state.videos).toHaveLength(1);
    expect(made.uuid).toBe(server.state.videos[0]?.uuid);
    expect(server.state.videos[0]?.sha256).toBe(sha256(data));
    const starts = server.state.ranges.map((range) => range.start);
    expect(new Set(starts).size).toBe(starts.length);
    // The second attempt asked first (an empty PUT) instead of opening a new session.
    expect(
      server.state.requests.filter(
        (request) =>
          request.method === 'POST' && request.path === '/api/v1/videos/upload-resumable',
      ),
    ).toHaveLength(1);
    expect(
      server.state.requests.some((request) => request.contentRange === `bytes */${data.length}`),
    ).toBe(true);
  });

  it('goes on after a connection cut mid-slice, from the bytes the server kept', async () => {
    const data = clip(CHUNK * 3);
    server.control.cutUpload({ afterBytes: CHUNK + 1000 });
    await uploadResumable(
      {
        api: await apiFor(account),
        file: new Blob([data]),
        type: 'video/webm',
        metadata,
        chunkBytes: CHUNK * 2,
      },
      { report: async () => undefined },
    );
    expect(server.state.videos[0]?.sha256).toBe(sha256(data));
    expect(server.state.ranges).toEqual([
      expect.objectContaining({ start: 0, end: CHUNK + 1000, cut: true }),
      expect.objectContaining({ start: CHUNK + 1000, end: CHUNK * 3, cut: false }),
    ]);
  });

  it('answers the video when the last answer was lost and the upload is asked about again', async () => {
    const data = clip(CHUNK);
    const api = await apiFor(account);
    let recorded: VideoTransfer | undefined;
    server.control.dropAnswer({ path: '/api/v1/videos/upload-resumable', method: 'PUT' });
    // The one slice is the last: its answer is lost, so this attempt fails after the server made the video.
    await expect(
      uploadResumable(
        { api, file: new Blob([data]), type: 'video/webm', metadata, chunkBytes: CHUNK },
        { report: async (transfer) => void (recorded = transfer) },
      ),
    ).resolves.toBeDefined();
    expect(recorded?.resumeUrl).toBeDefined();
    expect(server.state.videos).toHaveLength(1);
  });

  it('reads uploadx ranges, including bytes=0--1 before the first byte', () => {
    expect(offsetOf('bytes=0-999')).toBe(1000);
    expect(offsetOf('bytes=0--1')).toBe(0);
    expect(offsetOf(null)).toBeUndefined();
  });

  it('stops with a clear error on 413 quota, and waits for Retry-After on 429', async () => {
    server.control.setQuota('alice', 10);
    const api = await apiFor(account);
    const over = uploadResumable(
      { api, file: new Blob([clip(100)]), type: 'video/webm', metadata },
      { report: async () => undefined },
    );
    await expect(over).rejects.toMatchObject({ kind: 'validation', status: 413 });
    server.control.setQuota('alice', -1);
    server.control.fail({
      path: '/api/v1/videos/upload-resumable',
      method: 'POST',
      status: 429,
      retryAfter: 30,
    });
    const limited = await uploadResumable(
      { api, file: new Blob([clip(100)]), type: 'video/webm', metadata },
      { report: async () => undefined },
    ).catch((error: unknown) => error);
    expect(limited).toMatchObject({ kind: 'rate-limit' });
    expect((limited as CrosswindError).retryAt).toBeGreaterThan(Date.now() + 20_000);
  });
});

describe('PeerTube adapter', () => {
  it('uploads the post as a video: title, description, tags, privacy, language and the warning as nsfw', async () => {
    const data = clip(2000);
    const media = await peertubeAdapter.uploadVideo!(
      account,
      { file: new Blob([data]), video: video(2000) },
      {
        report: async () => undefined,
        post: {
          text: 'Cat on a boat\nShe sailed all day. #cats #boats #a',
          spoilerText: 'Seasickness',
          sensitive: true,
          visibility: 'unlisted',
          language: 'en',
        },
      },
    );
    const made = server.state.videos[0]!;
    expect(made).toMatchObject({
      name: 'Cat on a boat',
      description: 'She sailed all day. #cats #boats #a',
      tags: ['cats', 'boats'],
      privacy: 2,
      language: 'en',
      nsfw: true,
      nsfwSummary: 'Seasickness',
      filename: 'holiday.webm',
      channelId: 1,
    });
    expect(media.url).toBe(`${server.url}/w/${made.shortUUID}`);
    const post = await peertubeAdapter.publish(
      account,
      { text: '', video: media },
      { idempotencyKey: 'k', isRetry: false },
    );
    expect(post).toEqual({ id: made.uuid, url: media.url });
    expect(await peertubeAdapter.remove(account, post)).toBe('deleted');
    expect(await peertubeAdapter.remove(account, post)).toBe('not-found');
  });

  it("keeps every slice within the instance's maxChunkSize, which its proxy enforces with 413", async () => {
    const limit = 1_500_000;
    const capped = await startPeerTubeServer({
      users: [{ username: 'bob', password: 'bob-password' }],
      maxChunkSize: limit,
    });
    try {
      const bob = await connectPeerTube({
        server: capped.url,
        username: 'bob',
        password: 'bob-password',
      });
      const data = clip(5_000_000);
      await peertubeAdapter.uploadVideo!(
        bob,
        { file: new Blob([data]), video: video(data.length) },
        { report: async () => undefined, post: { text: 'Capped slices' } },
      );
      expect(capped.state.videos).toHaveLength(1);
      expect(capped.state.videos[0]?.sha256).toBe(sha256(data));
      const sizes = capped.state.ranges.map((range) => range.end - range.start);
      expect(sizes).toEqual([1024 * 1024, limit, limit, 5_000_000 - 1024 * 1024 - 2 * limit]);
    } finally {
      await capped.close();
    }
  });

  it('refuses to publish without a video', async () => {
    await expect(
      peertubeAdapter.publish(account, { text: 'hello' }, { idempotencyKey: 'k', isRetry: false }),
    ).rejects.toMatchObject({ kind: 'validation', message: 'PeerTube needs a video' });
  });
});
