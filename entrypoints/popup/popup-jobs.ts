import {
  readJobByDraft,
  readStoredJob,
  readUnfinishedJobs,
  type StoredJob,
} from '@/utils/outbox/read';
import type { PostJob } from '@/utils/publish/types';

/**
 * The posts the popup may show, newest first: the one sent from this draft, the one on screen,
 * and every one still going. A few records, whatever the length of the history.
 */
export async function readPopupJobs(
  draftId: string,
  pinnedJobId: string | undefined,
): Promise<PostJob[]> {
  const [unfinished, fromDraft, pinned] = await Promise.all([
    readUnfinishedJobs(),
    readJobByDraft(draftId),
    pinnedJobId === undefined ? undefined : readStoredJob(pinnedJobId),
  ]);
  const byId = new Map<string, StoredJob>();
  for (const item of [...unfinished, fromDraft, pinned]) if (item) byId.set(item.job.id, item);
  return [...byId.values()].toSorted((a, b) => b.seq - a.seq).map((item) => item.job);
}
