import type { TargetJob } from '@/utils/publish/types';
import { atMomentText, clockText, momentText } from '@/utils/time-text';
import { videoProgressText } from './video-progress';

const STATUS_TEXT: Record<TargetJob['status'], string> = {
  queued: 'About to post…',
  uploading: 'Uploading images…',
  posting: 'Posting…',
  waiting: 'Waiting…',
  scheduled: 'Scheduled',
  done: 'Posted',
  failed: 'Failed',
};

/** Why a waiting target waits, in words the user can act on. */
function waitingText(target: TargetJob): string {
  switch (target.waitingFor) {
    case 'reconnect':
      return 'Waiting for you to reconnect';
    case 'online':
      return 'Waiting for the connection';
    default:
      return target.nextAttemptAt
        ? `Retrying at ${clockText(target.nextAttemptAt)}`
        : 'Retrying soon';
  }
}

/** A "Post later" post in words, while it waits or once its server posted it; empty otherwise. */
function scheduleText(target: TargetJob, server: string, now: number): string {
  const at = target.scheduledAt;
  if (at === undefined) return '';
  const byServer = target.serverScheduledId !== undefined;
  if (target.status === 'scheduled') {
    const when = momentText(at, now);
    return byServer
      ? `Scheduled for ${when} on ${server}`
      : `Scheduled for ${when} (Crosswind posts it)`;
  }
  if (target.status === 'done' && byServer) return `Posted by ${server} ${atMomentText(at, now)}`;
  const handingOver = target.scheduleMode === 'server' && !byServer;
  if (handingOver && (target.status === 'queued' || target.status === 'posting')) {
    return `Scheduling on ${server}…`;
  }
  return '';
}

/**
 * The state in words, with how far a thread got: "Posting 2 of 4…", "Failed after 1 of 4 posts",
 * "Retrying at 12:03 (1 of 3 posted)", and for posts sent later "Scheduled for 14:05 on
 * mastodon.social". `server` names the account's server, which posts some scheduled posts itself.
 */
export function targetStateText(
  target: TargetJob,
  server = 'the server',
  now = Date.now(),
): string {
  const scheduled = scheduleText(target, server, now);
  if (scheduled) return scheduled;
  if (target.status === 'uploading' && target.videoTransfer) {
    return videoProgressText(target.videoTransfer);
  }
  const total = target.parts.length;
  const posted = target.parts.filter((part) => part.result).length;
  if (target.status === 'waiting') {
    const wait = waitingText(target);
    return total > 1 && posted > 0 ? `${wait} (${posted} of ${total} posted)` : wait;
  }
  if (total <= 1) return STATUS_TEXT[target.status];
  switch (target.status) {
    case 'uploading':
      return `Uploading images for part ${Math.min(posted + 1, total)} of ${total}…`;
    case 'posting':
      return `Posting ${Math.min(posted + 1, total)} of ${total}…`;
    case 'done':
      return `Posted a thread of ${total}`;
    case 'failed':
      return posted > 0 ? `Failed after ${posted} of ${total} posts` : 'Failed';
    default:
      return STATUS_TEXT[target.status];
  }
}

/** What deleting did to one account's post, in words; empty when nobody asked to delete it. */
export function deletionText(target: TargetJob): string {
  if (target.deletedAt !== undefined) {
    const posted = target.parts.filter((part) => part.result).length;
    if (posted === 0) return 'Nothing to delete';
    const missing = target.notFoundOnDelete ?? 0;
    // Only what the server confirmed is called deleted; a post it did not have may have been
    // deleted elsewhere, or never made.
    if (missing >= posted) return 'Not found on the server: already deleted there, or never posted';
    return missing > 0 ? `Deleted (${missing} of ${posted} posts were not found)` : 'Deleted';
  }
  return target.deleteError ? 'Could not delete' : '';
}
