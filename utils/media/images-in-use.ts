import type { Draft } from '../compose/draft';
import type { PostJob } from '../publish/types';

/**
 * Ids of the stored images something may still read: the draft's, and those of every account
 * not yet done (a failed one can still be retried, and a retry uploads the images again).
 */
export function imagesInUse(drafts: Draft[], jobs: PostJob[]): Set<string> {
  const ids = new Set<string>();
  for (const draft of drafts) for (const image of draft.images) ids.add(image.id);
  for (const job of jobs) {
    for (const target of job.targets) {
      if (target.status === 'done') continue;
      for (const image of target.content.images ?? []) ids.add(image.id);
    }
  }
  return ids;
}

/** Ids of the stored videos something may still read: the draft's, and unfinished posts'. */
export function videosInUse(drafts: Draft[], jobs: PostJob[]): Set<string> {
  const ids = new Set<string>();
  for (const draft of drafts) if (draft.video) ids.add(draft.video.id);
  for (const job of jobs) {
    for (const target of job.targets) {
      if (target.status !== 'done' && target.content.video) ids.add(target.content.video.id);
    }
  }
  return ids;
}
