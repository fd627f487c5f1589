import { insertJob, listJobs } from '@/utils/publish/job-store';
import type { PostJob } from '@/utils/publish/types';

/** Records posts as the publisher would, given newest first like the history shows them. */
export async function seedJobs(jobs: PostJob[]): Promise<void> {
  for (const job of jobs.toReversed()) await insertJob(job);
}

/** Every stored post, newest first. */
export const storedJobs = listJobs;
