import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mp4Bytes } from '../../media/mp4-fixture';
import { startPds, type PdsSandbox } from '../../servers/pds/index.ts';
import { findBlueskyService } from '@/utils/networks/bluesky/identity';
import { uploadVideoViaService, videoPathFor } from '@/utils/networks/bluesky/video';
import type { AttachedVideo, VideoTransfer } from '@/utils/networks/types';
import { DEFAULT_DIRECTORY, type DirectorySettings } from '@/utils/storage';
import { AtpAgent } from '@atproto/api';

let pds: PdsSandbox;
let directory: DirectorySettings;
let seq = 0;

beforeAll(async () => {
  pds = await startPds();
  directory = { handleResolver: pds.url, plcDirectory: pds.plcUrl };
}, 60_000);
afterAll(() => pds?.close());

async function connect() {
  const { loginBluesky } = await import('@/utils/networks/bluesky/adapter');
  seq += 1;
  const user = await pds.createAccount({
    handle: `video${seq}${Date.now().toString(36)}.test`,
    password: 'main-password',
  });
  const appPassword = await pds.createAppPassword(user, 'crosswind');
  const service = await findBlueskyService(user.handle, undefined, directory);
  return { account: await loginBluesky(service, user.handle, appPassword), appPassword, user };
}

function clip(type = 'video/mp4') {
  const bytes = mp4Bytes({ width: 640, height: 360, frames: 300, seconds: 10, payload: 2048 });
  const video: AttachedVideo = {
    id: 'v',
    name: 'kite.mp4',
    type,
    bytes: bytes.length,
    durationMs: 10_000,
    width: 640,
    height: 360,
    alt: 'A kite over the sea',
  };
  return { file: new Blob([bytes], { type }), video };
}

function recorder() {
  const reports: VideoTransfer[] = [];
  return {
    reports,
    options: (resume?: VideoTransfer) => ({
      post: { text: 'Look' },
      ...(resume && { resume }),
      report: async (transfer: VideoTransfer) => {
        reports.push(transfer);
      },
    }),
  };
}

describe('which way a clip goes', () => {
  it('through the video service for Bluesky’s network, straight to the PDS otherwise', () => {
    const publicPds = { server: 'https://morel.us-east.host.bsky.network' };
    expect(videoPathFor(publicPds, DEFAULT_DIRECTORY)).toBe('service');
    expect(videoPathFor({ server: 'http://127.0.0.1:2583' }, DEFAULT_DIRECTORY)).toBe('direct');
    const ownNetwork = {
      handleResolver: 'https://pds.example',
      plcDirectory: 'https://plc.example',
    };
    expect(videoPathFor(publicPds, ownNetwork)).toBe('direct');
  });
});

describe('Bluesky video straight to the PDS', () => {
  it('uploads an MP4 as a blob and posts it as app.bsky.embed.video with alt and aspect ratio', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account } = await connect();
    const { reports, options } = recorder();
    const upload = clip();
    const media = await blueskyAdapter.uploadVideo!(account, upload, options());
    expect(media.blob).toMatchObject({
      $type: 'blob',
      mimeType: 'video/mp4',
      size: upload.file.size,
    });
    expect(reports.at(-1)).toEqual({
      stage: 'uploading',
      sentBytes: upload.file.size,
      totalBytes: upload.file.size,
    });
    const post = await blueskyAdapter.publish(
      account,
      { text: 'A clip', video: media },
      { idempotencyKey: blueskyAdapter.newIdempotencyKey(), isRetry: false },
    );
    const rkey = post.id.split('/').pop()!;
    const record = await fetch(
      `${pds.url}/xrpc/com.atproto.repo.getRecord?repo=${account.remoteId}&collection=app.bsky.feed.post&rkey=${rkey}`,
    );
    const { value } = (await record.json()) as { value: { embed: Record<string, unknown> } };
    expect(value.embed).toEqual({
      $type: 'app.bsky.embed.video',
      video: {
        $type: 'blob',
        ref: { $link: media.id },
        mimeType: 'video/mp4',
        size: upload.file.size,
      },
      alt: 'A kite over the sea',
      aspectRatio: { width: 640, height: 360 },
    });
  });

  it('refuses anything but MP4 there, saying why', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { account } = await connect();
    const { options } = recorder();
    await expect(
      blueskyAdapter.uploadVideo!(account, clip('video/webm'), options()),
    ).rejects.toMatchObject({
      kind: 'validation',
      message: expect.stringMatching(/MP4/) as string,
    });
  });

  it('marks a PDS without the video service as taking MP4 only, so the composer says so', async () => {
    const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
    const { storage } = await import('wxt/utils/storage');
    await storage.setItem('local:directory', directory);
    seq += 1;
    const user = await pds.createAccount({
      handle: `form${seq}${Date.now().toString(36)}.test`,
      password: 'main-password',
    });
    const appPassword = await pds.createAppPassword(user, 'crosswind');
    if (blueskyAdapter.signIn.kind !== 'form') throw new Error('Bluesky signs in with a form');
    const account = await blueskyAdapter.signIn.connect({
      identifier: user.handle,
      password: appPassword,
    });
    expect(account.capabilities?.video?.mimeTypes).toEqual(['video/mp4']);
  });
});

/** JWT payload, unchecked: the fake service only looks at what a token is for. */
function claims(request: IncomingMessage): { aud?: string; lxm?: string; iss?: string } {
  const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
  const payload = token.split('.')[1] ?? '';
  const { aud, lxm, iss } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
    aud?: string;
    lxm?: string;
    iss?: string;
  };
  return { aud, lxm, iss };
}

/**
 * Bluesky's video service as its lexicons describe it: upload limits, an upload that becomes a
 * job, and a job that, once processed, is stored on the user's PDS with the user's service token
 * (here unchanged: this fake does not transcode).
 */
async function startFakeVideoService(pdsUrl: string) {
  const seen: Array<{ path: string; aud?: string; lxm?: string }> = [];
  const jobs = new Map<string, { token: string; bytes: Buffer; looks: number; blob?: unknown }>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        if (url.pathname === '/xrpc/app.bsky.video.getUploadLimits') {
          seen.push({ path: url.pathname, ...claims(request) });
          return reply(200, { canUpload: true, remainingDailyVideos: 20 });
        }
        if (url.pathname === '/xrpc/app.bsky.video.uploadVideo') {
          seen.push({ path: url.pathname, ...claims(request) });
          const jobId = `job-${jobs.size + 1}`;
          const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
          jobs.set(jobId, { token, bytes: Buffer.concat(chunks), looks: 0 });
          return reply(200, {
            jobId,
            did: url.searchParams.get('did'),
            state: 'JOB_STATE_CREATED',
          });
        }
        if (url.pathname === '/xrpc/app.bsky.video.getJobStatus') {
          const job = jobs.get(url.searchParams.get('jobId') ?? '');
          if (!job) return reply(400, { error: 'InvalidRequest', message: 'no such job' });
          job.looks += 1;
          if (job.looks < 2) {
            return reply(200, {
              jobStatus: { jobId: 'x', state: 'JOB_STATE_ENCODING', progress: 40 },
            });
          }
          if (!job.blob) {
            const stored = await fetch(`${pdsUrl}/xrpc/com.atproto.repo.uploadBlob`, {
              method: 'POST',
              headers: { Authorization: `Bearer ${job.token}`, 'Content-Type': 'video/mp4' },
              body: new Uint8Array(job.bytes),
            });
            job.blob = ((await stored.json()) as { blob: unknown }).blob;
          }
          return reply(200, {
            jobStatus: { state: 'JOB_STATE_COMPLETED', progress: 100, blob: job.blob },
          });
        }
        reply(404, { error: 'MethodNotImplemented' });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, jobs, close: () => server.close() };
}

describe('Bluesky video through the video service', () => {
  it('asks the service’s limits, uploads with a token for the PDS, and waits for the job’s blob', async () => {
    const service = await startFakeVideoService(pds.url);
    try {
      const { account, user, appPassword } = await connect();
      const agent = new AtpAgent({ service: pds.url });
      await agent.login({ identifier: user.handle, password: appPassword });
      const { reports, options } = recorder();
      const upload = clip();
      const media = await uploadVideoViaService(agent, account, upload, options(), service.url);
      expect(service.seen).toEqual([
        {
          path: '/xrpc/app.bsky.video.getUploadLimits',
          aud: 'did:web:video.bsky.app',
          lxm: 'app.bsky.video.getUploadLimits',
          iss: account.remoteId,
        },
        {
          path: '/xrpc/app.bsky.video.uploadVideo',
          aud: 'did:web:localhost',
          lxm: 'com.atproto.repo.uploadBlob',
          iss: account.remoteId,
        },
      ]);
      expect(
        reports.map((report) => [report.stage, report.processingId, report.processingPercent]),
      ).toEqual([
        ['uploading', undefined, undefined],
        ['processing', 'job-1', undefined],
        ['processing', 'job-1', 40],
      ]);
      // The blob is on the user's PDS, stored there by the service with the user's token: the
      // PDS takes a post that embeds it.
      const { blueskyAdapter } = await import('@/utils/networks/bluesky/adapter');
      const post = await blueskyAdapter.publish(
        account,
        { text: 'Processed', video: media },
        { idempotencyKey: blueskyAdapter.newIdempotencyKey(), isRetry: false },
      );
      expect(post.id).toMatch(/^at:\/\//);
      expect(media.blob?.mimeType).toBe('video/mp4');

      // A stopped worker asks about the recorded job: no second upload.
      const again = recorder();
      const resumed = await uploadVideoViaService(
        agent,
        account,
        upload,
        again.options(reports[1]),
        service.url,
      );
      expect(resumed.id).toBe(media.id);
      expect(service.jobs.size).toBe(1);
    } finally {
      service.close();
    }
  });
});
