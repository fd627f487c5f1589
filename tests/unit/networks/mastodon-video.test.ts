import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { mp4Bytes, type Mp4Spec } from '../../media/mp4-fixture';
import { startMastodonServer, type MastodonServer } from '../../servers/mastodon';
import { CrosswindError } from '@/utils/errors';
import { createMastodonAccount, mastodonAdapter } from '@/utils/networks/mastodon/adapter';
import {
  beginMastodonAuthorization,
  completeMastodonAuthorization,
} from '@/utils/networks/mastodon/auth';
import type { Account, AttachedVideo, VideoTransfer } from '@/utils/networks/types';

let server: MastodonServer;

beforeAll(async () => {
  server = await startMastodonServer({ autoApprove: true, mediaProcessingPolls: 2 });
});
afterAll(() => server.close());
beforeEach(() => {
  vi.spyOn(browser.identity, 'getRedirectURL').mockReturnValue(
    'https://extension-id.chromiumapp.org/',
  );
  server.control.reset();
});

async function connect(): Promise<Account> {
  const authorizeUrl = await beginMastodonAuthorization(server.url);
  const response = await fetch(authorizeUrl, { redirect: 'manual' });
  const redirect = response.headers.get('location')!;
  return createMastodonAccount(await completeMastodonAuthorization(redirect));
}

function clip(spec: Mp4Spec, alt = 'A kite over the sea') {
  const bytes = mp4Bytes(spec);
  const video: AttachedVideo = {
    id: 'v',
    name: 'kite.mp4',
    type: 'video/mp4',
    bytes: bytes.length,
    durationMs: spec.seconds * 1000,
    width: spec.width,
    height: spec.height,
    alt,
  };
  return { file: new Blob([bytes], { type: 'video/mp4' }), video };
}

const SMALL = { width: 640, height: 360, frames: 300, seconds: 10 };

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

describe('Mastodon video', () => {
  it('reads the server’s video limits from its instance configuration', async () => {
    const account = await connect();
    expect(account.limits).toMatchObject({
      videoSizeLimit: 99 * 1024 * 1024,
      videoFrameRateLimit: 120,
      videoMatrixLimit: 8_294_400,
    });
  });

  it('uploads with its description, waits out the processing, and posts it', async () => {
    const account = await connect();
    const { reports, options } = recorder();
    const upload = clip(SMALL);
    const media = await mastodonAdapter.uploadVideo!(account, upload, options());
    const size = upload.file.size;
    expect(reports).toEqual([
      { stage: 'uploading', sentBytes: 0, totalBytes: size },
      { stage: 'processing', sentBytes: size, totalBytes: size, processingId: media.id },
    ]);
    const stored = server.state.media.find((item) => item.id === media.id);
    expect(stored).toMatchObject({ type: 'video', description: 'A kite over the sea' });
    // Both 206 answers were waited out before the upload counted as ready.
    expect(stored?.pollsRemaining).toBe(0);

    const post = await mastodonAdapter.publish(
      account,
      { text: 'A clip', video: media },
      { idempotencyKey: crypto.randomUUID(), isRetry: false },
    );
    const status = server.state.statuses.find((item) => item.id === post.id);
    expect(status?.mediaIds).toEqual([media.id]);
  });

  it('asks again about an upload a stopped worker recorded, without sending the file twice', async () => {
    const account = await connect();
    const first = recorder();
    const before = server.state.media.length;
    const media = await mastodonAdapter.uploadVideo!(account, clip(SMALL), first.options());
    const again = recorder();
    const resumed = await mastodonAdapter.uploadVideo!(
      account,
      clip(SMALL),
      again.options(first.reports[1]),
    );
    expect(resumed.id).toBe(media.id);
    expect(server.state.media).toHaveLength(before + 1);
    expect(again.reports).toEqual([]);
  });

  it('uploads again when the server no longer has the recorded upload', async () => {
    const account = await connect();
    const { reports, options } = recorder();
    const before = server.state.media.length;
    const gone: VideoTransfer = {
      stage: 'processing',
      sentBytes: 10,
      totalBytes: 10,
      processingId: '999999',
    };
    const media = await mastodonAdapter.uploadVideo!(account, clip(SMALL), options(gone));
    expect(media.id).not.toBe('999999');
    expect(reports[0]?.stage).toBe('uploading');
    expect(server.state.media).toHaveLength(before + 1);
  });

  it('says what the server refused, in its own words', async () => {
    const account = await connect();
    const { options } = recorder();
    const huge = clip({ width: 7680, height: 4320, frames: 30, seconds: 1 });
    const error = await mastodonAdapter.uploadVideo!(account, huge, options()).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CrosswindError);
    expect(error).toMatchObject({
      kind: 'validation',
      status: 422,
      message: `${new URL(server.url).host} refused the video: 7680x4320 videos are not supported.`,
    });
  });
});
