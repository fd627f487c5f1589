import { newDraft } from '../compose/draft';
import { capabilitiesOf } from '../networks/info';
import type { Account } from '../networks/types';
import { draftStorage } from '../storage';
import type { PostJob } from './types';

/** Where a video's watch link can go, and which draft was sent (not a post being written). */
export interface VideoLinkShare {
  targetIds: string[];
  sentDraftId: string;
}

/**
 * The accounts a video's watch link is offered to: the user's connected accounts whose network
 * does not make the video a post itself, first those this post did not reach (unticked, or
 * refused the clip: too long for Bluesky), else the post's own (which then get a link post).
 */
export function linkShareOf(job: PostJob, accounts: Account[]): VideoLinkShare {
  const takers = accounts.filter(
    (account) =>
      account.state === 'connected' && capabilitiesOf(account).video?.carrier !== 'video-post',
  );
  const inPost = new Set(job.targets.map((target) => target.accountId));
  const elsewhere = takers.filter((account) => !inPost.has(account.id));
  return {
    targetIds: (elsewhere.length > 0 ? elsewhere : takers).map((account) => account.id),
    sentDraftId: job.draftId,
  };
}

/**
 * Puts the watch link into the composer for the other accounts: a new post when nothing is being
 * written (the draft that was sent counts as nothing: it is on its way, and would be cleared once
 * delivered), else at the end of the post being written, which is never replaced.
 */
export async function shareVideoLink(url: string, share: VideoLinkShare): Promise<void> {
  const current = await draftStorage.getValue();
  const writing =
    current &&
    current.id !== share.sentDraftId &&
    (current.text.trim() || current.images.length > 0 || current.video);
  if (writing) {
    if (current.text.includes(url)) return;
    await draftStorage.setValue({
      ...current,
      text: `${current.text.trimEnd()}\n\n${url}`,
      updatedAt: Date.now(),
    });
    return;
  }
  await draftStorage.setValue({ ...newDraft(share.targetIds, current?.language), text: url });
}
