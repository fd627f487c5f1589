import type { OutboxChange } from '@/utils/outbox/change';
import {
  readRecentJobs,
  readStoredJob,
  readUnfinishedJobs,
  type StoredJob,
} from '@/utils/outbox/read';
import { isScheduledJob, type PostJob } from '@/utils/publish/types';

/** Posts read at a time: about a screen's worth, so the first screen never waits for the rest. */
export const PAGE_SIZE = 10;

/** What the sent-posts page shows: the scheduled posts, and the history as far as it was read. */
export interface HistoryView {
  scheduled: PostJob[];
  /** Newest first; more pages come as the user scrolls. */
  history: StoredJob[];
  /** Whether older posts remain to be read. */
  more: boolean;
}

async function scheduledJobs(): Promise<PostJob[]> {
  return (await readUnfinishedJobs()).map((item) => item.job).filter(isScheduledJob);
}

/** The first screen, or the same span again after many posts changed at once. */
export async function readHistoryView(count = PAGE_SIZE): Promise<HistoryView> {
  const [scheduled, history] = await Promise.all([scheduledJobs(), readRecentJobs(count)]);
  return { scheduled, history, more: history.length === count };
}

/** The view with the next page of older posts. */
export async function withNextPage(view: HistoryView): Promise<HistoryView> {
  const last = view.history.at(-1);
  if (!view.more || !last) return view;
  const page = await readRecentJobs(PAGE_SIZE, last.seq);
  return { ...view, history: [...view.history, ...page], more: page.length === PAGE_SIZE };
}

/** The view after a change: only the changed post is read again (and the few scheduled ones). */
export async function withChange(
  view: HistoryView | undefined,
  change: OutboxChange | null,
): Promise<HistoryView> {
  if (!view || !change?.jobId) {
    return readHistoryView(Math.max(view?.history.length ?? 0, PAGE_SIZE));
  }
  const [scheduled, changed] = await Promise.all([scheduledJobs(), readStoredJob(change.jobId)]);
  const rest = view.history.filter((item) => item.job.id !== change.jobId);
  const oldest = view.history.at(-1)?.seq ?? 0;
  // A post older than what was read waits for its page; a gone one just leaves.
  const shown = changed && (changed.seq >= oldest || !view.more);
  const history = shown ? [...rest, changed].toSorted((a, b) => b.seq - a.seq) : rest;
  return { ...view, scheduled, history };
}
