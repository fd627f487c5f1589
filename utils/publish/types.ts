import type { SerializedError } from '../errors';
import type { PostContent, PublishedPost } from '../networks/types';

/** Where one account's part of a post stands. */
export type TargetStatus = 'queued' | 'posting' | 'done' | 'failed';

/** One account's delivery of a post, recorded before any network call is made. */
export interface TargetJob {
  accountId: string;
  status: TargetStatus;
  /** Chosen once, before the first attempt, and reused by every retry. */
  idempotencyKey: string;
  attempts: number;
  result?: PublishedPost;
  error?: SerializedError;
  updatedAt: number;
}

/** A post the user sent, with one job per picked account. */
export interface PostJob {
  id: string;
  /** The draft it came from, so that draft is cleared only once every target succeeded. */
  draftId: string;
  createdAt: number;
  content: PostContent;
  targets: TargetJob[];
}

/** True once no target is still waiting or in flight. */
export function isSettled(job: PostJob): boolean {
  return job.targets.every((target) => target.status === 'done' || target.status === 'failed');
}
