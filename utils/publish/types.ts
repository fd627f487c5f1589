import type { StoredText } from '../i18n/wording';
import type { Draft } from '../compose/draft';
import type { SerializedError } from '../errors';
import type { PartCheckpoint } from '../networks/checkpoint';
import type {
  PublishedPost,
  RemoveResult,
  TargetContent,
  UploadedMedia,
  VideoTransfer,
} from '../networks/types';

/** Where one account's part of a post stands; 'scheduled' waits for its time, on a server or here. */
export type TargetStatus =
  'queued' | 'uploading' | 'posting' | 'waiting' | 'scheduled' | 'done' | 'failed';

/** What a waiting target waits for before it is tried again. */
export type WaitReason = 'retry' | 'reconnect' | 'online';

/** One post of a thread (or the only post), with the key that makes its retries safe. */
export interface PartJob {
  /** Chosen once, before the first attempt, and reused by every retry. */
  idempotencyKey: string;
  /** Set once the network has the part; a retry starts at the first part without one. */
  result?: PublishedPost;
  /**
   * What the adapter recorded before the step that may have made the post (see
   * `PartCheckpoint`); every retry gets it back. Jobs stored before it existed kept it as
   * `note` (Nostr) or a bare Threads container id: `upgradeStoredJob` reads those.
   */
  checkpoint?: PartCheckpoint;
  /** What "Delete everywhere" found for this part; a later run skips parts that have one. */
  removal?: RemoveResult;
}

/** One account's delivery of a post, recorded before any network call is made. */
export interface TargetJob {
  accountId: string;
  status: TargetStatus;
  content: TargetContent;
  parts: PartJob[];
  /** Images as uploaded to this account, recorded so a retry does not upload them again. */
  media?: UploadedMedia[];
  /** The video as this account's server holds it, ready to attach; a retry does not upload it again. */
  video?: UploadedMedia;
  /**
   * The video on its way (status 'uploading'): the percent and processing state the account's row
   * shows, and what a stopped worker continues from. Cleared once `video` is set.
   */
  videoTransfer?: VideoTransfer;
  /** The link card's thumbnail as uploaded; `null` when it could not be had (the card goes without). */
  cardThumb?: UploadedMedia | null;
  attempts: number;
  /** `attempts` when the user last pressed Retry: automatic retries count from there. */
  roundStart?: number;
  /** The last failure; kept while waiting, so the user sees why. */
  error?: SerializedError;
  /** Set while status is 'waiting'. */
  waitingFor?: WaitReason;
  /** When a target waiting for a retry is tried again (epoch milliseconds). */
  nextAttemptAt?: number;
  /** Set once "Delete everywhere" removed every part from this account. */
  deletedAt?: number;
  /** Parts the server did not have when deleting (already deleted there, or never made). */
  notFoundOnDelete?: number;
  /** Why removing the post from this account failed, if it did. */
  deleteError?: SerializedError;
  /** When this account gets a post scheduled for later (epoch milliseconds). */
  scheduledAt?: number;
  /** Who posts it then: the account's server by itself, or Crosswind from the browser. */
  scheduleMode?: 'server' | 'local';
  /** The server's id for the post it will publish; set once the server has it. */
  serverScheduledId?: string;
  /** Why the server did not take it, when it was meant to and Crosswind posts it instead. */
  scheduleNote?: StoredText;
  /** Something about how it went the user must know, whatever the status (posted early, …). */
  notice?: StoredText;
  updatedAt: number;
}

/** A post the user sent, with one job per picked account. */
export interface PostJob {
  id: string;
  /** The draft it came from, so that draft is cleared only once every target succeeded. */
  draftId: string;
  createdAt: number;
  /** The main text, to recognise the post in lists. */
  summary: string;
  targets: TargetJob[];
  /** For "Post later": the time the user chose (epoch milliseconds). */
  scheduledAt?: number;
  /** For "Post later": the draft as it was scheduled, so "Edit" can put it back in the composer. */
  draft?: Draft;
}

/** True once no target is still waiting or in flight. */
export function isSettled(job: PostJob): boolean {
  return job.targets.every((target) => target.status === 'done' || target.status === 'failed');
}

/** True while an account's post waits for its time, or is still being handed to its server for that. */
export function isScheduledTarget(target: TargetJob): boolean {
  if (target.status === 'scheduled') return true;
  return (
    target.scheduleMode === 'server' &&
    target.serverScheduledId === undefined &&
    target.status !== 'done' &&
    target.status !== 'failed'
  );
}

/** True while a "Post later" post has an account still waiting for its time. */
export function isScheduledJob(job: PostJob): boolean {
  return job.scheduledAt !== undefined && job.targets.some(isScheduledTarget);
}

/** The first post an account got: where "View post" leads, and the root of a thread. */
export function firstResult(target: TargetJob): PublishedPost | undefined {
  return target.parts[0]?.result;
}
