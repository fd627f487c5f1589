import { CrosswindError } from '../errors';
import { t } from '../i18n/messages';
import { loadVideo } from '../media/video-store';
import type { Account, NetworkAdapter, OutgoingPost } from '../networks/types';
import { updateTarget } from './job-store';
import type { TargetJob } from './types';

/**
 * Uploads the post's clip to an account that does not have it yet. Every report of the adapter
 * (a session's address, the bytes the server confirmed) is written to the job before the upload
 * goes on, so a stopped worker's next attempt continues from it instead of starting again.
 */
export async function ensureVideo(
  jobId: string,
  target: TargetJob,
  account: Account,
  adapter: NetworkAdapter,
  post: OutgoingPost,
  signal?: AbortSignal,
): Promise<TargetJob> {
  const video = target.content.video;
  if (!video || target.video) return target;
  if (!adapter.uploadVideo) {
    throw new CrosswindError(
      'unsupported',
      t('videoUpload.unsupported', { account: account.handle }),
    );
  }
  const file = await loadVideo(video.id);
  if (!file) throw new CrosswindError('validation', t('videoUpload.fileGone'));
  const { accountId } = target;
  await updateTarget(jobId, accountId, (item) => {
    item.status = 'uploading';
  });
  const media = await adapter.uploadVideo(
    account,
    { file, video },
    {
      post,
      ...(signal && { signal }),
      ...(target.videoTransfer && { resume: target.videoTransfer }),
      report: async (transfer) => {
        await updateTarget(jobId, accountId, (item) => {
          item.videoTransfer = transfer;
        });
      },
    },
  );
  signal?.throwIfAborted();
  const updated = await updateTarget(jobId, accountId, (item) => {
    item.video = media;
    delete item.videoTransfer;
    item.status = 'posting';
  });
  return updated?.targets.find((item) => item.accountId === accountId) ?? target;
}
