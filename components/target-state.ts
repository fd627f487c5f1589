import type { TargetJob } from '@/utils/publish/types';

const STATUS_TEXT: Record<TargetJob['status'], string> = {
  queued: 'About to post…',
  uploading: 'Uploading images…',
  posting: 'Posting…',
  waiting: 'Waiting…',
  done: 'Posted',
  failed: 'Failed',
};

/** A time of day as the user's locale writes it, without seconds: "12:03". */
function clock(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}

/** Why a waiting target waits, in words the user can act on. */
function waitingText(target: TargetJob): string {
  switch (target.waitingFor) {
    case 'reconnect':
      return 'Waiting for you to reconnect';
    case 'online':
      return 'Waiting for the connection';
    default:
      return target.nextAttemptAt ? `Retrying at ${clock(target.nextAttemptAt)}` : 'Retrying soon';
  }
}

/**
 * The state in words, with how far a thread got: "Posting 2 of 4…", "Failed after 1 of 4 posts",
 * "Retrying at 12:03 (1 of 3 posted)".
 */
export function targetStateText(target: TargetJob): string {
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
    return target.parts.some((part) => part.result) ? 'Deleted' : 'Nothing to delete';
  }
  return target.deleteError ? 'Could not delete' : '';
}
