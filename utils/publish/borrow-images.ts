import { CrosswindError } from '../errors';
import { words } from '../i18n/wording';
import { NETWORK_INFO } from '../networks/info';
import type { Account, UploadedMedia } from '../networks/types';
import { listAccounts } from '../accounts';
import { getJob } from './job-store';
import type { TargetJob } from './types';
import { sleep } from '../sleep';

// Threads takes images only by a public address it fetches itself, and Crosswind uploads the
// person's files nowhere they did not choose. So a Threads copy waits for the same post's copy on
// Mastodon or Bluesky to be out, and gives Meta the address that copy's image has there.

const CHECK_EVERY_MS = 1000;

function hosts(account: Account | undefined): boolean {
  return (
    account !== undefined &&
    NETWORK_INFO[account.network].capabilities.media.hostsPublicImages === true
  );
}

/**
 * The images of another account's copy of this post, with this copy's alt text, once that copy is
 * out. Fails for good when no copy can lend them (none goes to such an account, or they failed).
 */
export async function borrowPublicImages(
  jobId: string,
  target: TargetJob,
  signal?: AbortSignal,
): Promise<UploadedMedia[]> {
  const wanted = target.content.images ?? [];
  // Shared from a web page: Meta fetches each from where it was found (it needs no dimensions).
  if (wanted.length > 0 && wanted.every((image) => image.sourceUrl)) {
    return wanted.map((image) => ({
      id: image.id,
      alt: image.alt,
      width: 0,
      height: 0,
      ...(image.sourceUrl && { publicUrl: image.sourceUrl }),
    }));
  }
  for (;;) {
    const job = await getJob(jobId);
    const accounts = await listAccounts();
    const lenders = (job?.targets ?? []).filter(
      (item) =>
        item.accountId !== target.accountId &&
        hosts(accounts.find((account) => account.id === item.accountId)),
    );
    const ready = lenders.find(
      (item) =>
        item.status === 'done' &&
        item.media?.length === wanted.length &&
        item.media.every((media) => media.publicUrl),
    );
    if (ready?.media) {
      return ready.media.map((media, index) => ({
        ...media,
        alt: wanted[index]?.alt ?? media.alt,
      }));
    }
    const stillGoing = lenders.some((item) => item.status !== 'done' && item.status !== 'failed');
    if (!stillGoing) throw new CrosswindError('unsupported', words('threads.needsPublicImage'));
    await sleep(CHECK_EVERY_MS, signal);
  }
}
