import { CrosswindError, toCrosswindError } from '../errors';
import { words } from '../i18n/wording';
import { loadVideo } from '../media/video-store';
import type { Account, NetworkAdapter, OutgoingPost, VideoTransfer } from '../networks/types';
import { updateTarget } from './job-store';
import type { TargetJob } from './types';

/** Progress is written at most this often, unless the stage or what a restart needs changes. */
const PROGRESS_EVERY_MS = 1_000;

/**
 * Uploads the post's clip to an account that does not have it yet. Every report of the adapter
 * is recorded in the job (throttled when it is only a new percentage), so the account's row shows
 * it and a stopped worker continues from it; `onProgress` tells the caller the upload lives.
 */
export async function uploadVideoFor(
  jobId: string,
  target: TargetJob,
  account: Account,
  adapter: NetworkAdapter,
  post: OutgoingPost,
  options: { signal: AbortSignal; onProgress(): void },
): Promise<TargetJob> {
  const video = target.content.video;
  if (!video || target.video) return target;
  if (!adapter.uploadVideo) {
    throw new CrosswindError('unsupported', words('video.notOnNetwork'), { retryable: false });
  }
  const file = await loadVideo(video.id);
  if (!file) {
    throw new CrosswindError('validation', words('video.noLongerStored', { name: video.name }), {
      retryable: false,
    });
  }
  const { accountId } = target;
  const record = (transfer: VideoTransfer) =>
    updateTarget(jobId, accountId, (item) => {
      item.status = 'uploading';
      item.videoTransfer = transfer;
    });
  await record(target.videoTransfer ?? { stage: 'uploading', sentBytes: 0, totalBytes: file.size });
  let last = target.videoTransfer;
  let lastAt = 0;
  const uploaded = await adapter
    .uploadVideo(
      account,
      { file, video },
      {
        signal: options.signal,
        ...(target.videoTransfer && { resume: target.videoTransfer }),
        post,
        async report(transfer) {
          options.onProgress();
          const now = Date.now();
          if (!mustRecord(last, transfer) && now - lastAt < PROGRESS_EVERY_MS) return;
          last = transfer;
          lastAt = now;
          await record(transfer);
        },
      },
    )
    .catch(async (thrown: unknown) => {
      // A server that refused the clip for good would refuse the same upload again: a retry
      // the user asks for (after changing nothing, or the server's settings) starts afresh.
      if (toCrosswindError(thrown).retryable === false) {
        await updateTarget(jobId, accountId, (item) => {
          delete item.videoTransfer;
        });
      }
      throw thrown;
    });
  options.signal.throwIfAborted();
  const updated = await updateTarget(jobId, accountId, (item) => {
    item.video = uploaded;
    if (uploaded.notice) item.notice = uploaded.notice;
    delete item.videoTransfer;
    item.status = 'posting';
  });
  return updated?.targets.find((item) => item.accountId === accountId) ?? target;
}

/** A new stage, or something a restart needs (an id, an address), is always written at once. */
function mustRecord(before: VideoTransfer | undefined, now: VideoTransfer): boolean {
  return (
    !before ||
    before.stage !== now.stage ||
    before.processingId !== now.processingId ||
    before.resumeUrl !== now.resumeUrl ||
    // A resumable upload's confirmed offset is what a restart continues from: kept per slice.
    (now.resumeUrl !== undefined && before.sentBytes !== now.sentBytes) ||
    now.sentBytes === now.totalBytes
  );
}
