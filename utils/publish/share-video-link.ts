import { newDraft } from '../compose/draft';
import { capabilitiesOf } from '../networks/info';
import type { Account } from '../networks/types';
import { draftStorage } from '../storage';
import type { PostJob } from './types';

/** The accounts a video's watch link can go to: those of the post that do not hold the video themselves. */
export function linkTargets(job: PostJob, accounts: Account[]): string[] {
  return job.targets
    .map((target) => accounts.find((account) => account.id === target.accountId))
    .filter((account): account is Account => account !== undefined)
    .filter((account) => capabilitiesOf(account).video?.carrier !== 'video-post')
    .map((account) => account.id);
}

/**
 * Puts the watch link into the composer for the other accounts: a new post when nothing is being
 * written, else at the end of the post being written (which is never replaced).
 */
export async function shareVideoLink(url: string, targetIds: string[]): Promise<void> {
  const current = await draftStorage.getValue();
  if (current && (current.text.trim() || current.images.length > 0 || current.video)) {
    if (current.text.includes(url)) return;
    await draftStorage.setValue({
      ...current,
      text: `${current.text.trimEnd()}\n\n${url}`,
      updatedAt: Date.now(),
    });
    return;
  }
  await draftStorage.setValue({ ...newDraft(targetIds, current?.language), text: url });
}
