import { CrosswindError } from '../errors';
import { serialUpdater } from '../serial-update';
import { jobsStorage } from '../storage';
import { isSettled, type PostJob, type TargetJob } from './types';

/** How many sent posts are remembered. */
const MAX_JOBS = 500;

const jobs = serialUpdater(jobsStorage);

/** Adds a new job at the top of the list, dropping the oldest settled ones past the cap. */
export function insertJob(job: PostJob): Promise<void> {
  return jobs.update((list) => {
    list.unshift(job);
    // From the oldest up, and only settled jobs: a post still being sent must never be forgotten.
    for (let index = list.length - 1; index >= 0 && list.length > MAX_JOBS; index -= 1) {
      const item = list[index];
      if (item && isSettled(item)) list.splice(index, 1);
    }
  });
}

/** Applies a change to one target of one job and returns a copy of the job as it now is. */
export function updateTarget(
  jobId: string,
  accountId: string,
  change: (target: TargetJob) => void,
): Promise<PostJob | undefined> {
  return jobs.update((list) => {
    const job = list.find((item) => item.id === jobId);
    const target = job?.targets.find((item) => item.accountId === accountId);
    if (!job || !target) return undefined;
    change(target);
    target.updatedAt = Date.now();
    return structuredClone(job);
  });
}

/** Applies a change to one job (and any of its targets) and returns a copy of the job as it now is. */
export function updateJob(
  jobId: string,
  change: (job: PostJob) => void,
): Promise<PostJob | undefined> {
  return jobs.update((list) => {
    const job = list.find((item) => item.id === jobId);
    if (!job) return undefined;
    change(job);
    return structuredClone(job);
  });
}

/**
 * Drops accounts from a job whose post they will never get (a cancelled schedule), and the whole
 * job once no account is left: nothing was posted, so there is nothing to remember.
 */
export function removeTargets(jobId: string, accountIds: string[]): Promise<void> {
  return jobs.update((list) => {
    const index = list.findIndex((item) => item.id === jobId);
    const job = list[index];
    if (!job) return;
    job.targets = job.targets.filter((target) => !accountIds.includes(target.accountId));
    if (job.targets.length === 0) list.splice(index, 1);
  });
}

/** Reads one job. */
export async function getJob(jobId: string): Promise<PostJob | undefined> {
  return (await jobs.read()).find((job) => job.id === jobId);
}

/** Every job, newest first. */
export function listJobs(): Promise<PostJob[]> {
  return jobs.read();
}

/** Forgets one settled job; the posts stay on the networks. */
export function removeJob(jobId: string): Promise<void> {
  return jobs.update((list) => {
    const index = list.findIndex((item) => item.id === jobId);
    const job = list[index];
    if (!job) return;
    if (!isSettled(job)) {
      throw new CrosswindError(
        'validation',
        'This post is still being sent. Remove it from the history once it has finished.',
      );
    }
    list.splice(index, 1);
  });
}

/** Forgets every settled job; posts still being sent stay, so none of them is lost. */
export function clearHistory(): Promise<void> {
  return jobs.update((list) => {
    const unfinished = list.filter((job) => !isSettled(job));
    list.splice(0, list.length, ...unfinished);
  });
}
