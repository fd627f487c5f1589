import { serialUpdater } from '../serial-update';
import { jobsStorage } from '../storage';
import type { PostJob, TargetJob } from './types';

/** How many sent posts are remembered. */
const MAX_JOBS = 200;

const jobs = serialUpdater(jobsStorage);

/** Adds a new job at the top of the list, dropping the oldest past the cap. */
export function insertJob(job: PostJob): Promise<void> {
  return jobs.update((list) => {
    list.unshift(job);
    list.splice(MAX_JOBS);
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

/** Reads one job. */
export async function getJob(jobId: string): Promise<PostJob | undefined> {
  return (await jobs.read()).find((job) => job.id === jobId);
}

/** Every job, newest first. */
export function listJobs(): Promise<PostJob[]> {
  return jobs.read();
}
