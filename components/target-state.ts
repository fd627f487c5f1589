import { formatNumber } from '@/utils/i18n/format';
import { t, tn, type PlainKey } from '@/utils/i18n/messages';
import type { TargetJob } from '@/utils/publish/types';
import { atMomentText, clockText, momentText } from '@/utils/time-text';
import { videoProgressText } from './video-progress';

const STATUS_KEYS: Record<TargetJob['status'], PlainKey> = {
  queued: 'targetState.queued',
  uploading: 'targetState.uploading',
  posting: 'targetState.posting',
  waiting: 'targetState.waiting',
  scheduled: 'targetState.scheduled',
  done: 'targetState.done',
  failed: 'targetState.failed',
};

const statusText = (status: TargetJob['status']) => t(STATUS_KEYS[status]);

/** Why a waiting target waits, in words the user can act on. */
function waitingText(target: TargetJob): string {
  switch (target.waitingFor) {
    case 'reconnect':
      return t('targetState.waitReconnect');
    case 'online':
      return t('targetState.waitOnline');
    default:
      return target.nextAttemptAt
        ? t('targetState.retryingAt', { clock: clockText(target.nextAttemptAt) })
        : t('targetState.retryingSoon');
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
      ? t('targetState.scheduledOnServer', { when, server })
      : t('targetState.scheduledByCrosswind', { when });
  }
  if (target.status === 'done' && byServer) {
    return t('targetState.postedByServer', { server, at: atMomentText(at, now) });
  }
  const handingOver = target.scheduleMode === 'server' && !byServer;
  if (handingOver && (target.status === 'queued' || target.status === 'posting')) {
    return t('targetState.scheduling', { server });
  }
  return '';
}

/**
 * The state in words, with how far a thread got: "Posting 2 of 4…", "Failed after 1 of 4 posts",
 * "Retrying at 12:03 (1 of 3 posted)", and for posts sent later "Scheduled for 14:05 on
 * mastodon.social". `server` names the account's server, which posts some scheduled posts itself;
 * `network` names who processes a clip ("PeerTube is processing the video…").
 */
export function targetStateText(
  target: TargetJob,
  server = t('errors.theServer'),
  now = Date.now(),
  network?: string,
): string {
  const scheduled = scheduleText(target, server, now);
  if (scheduled) return scheduled;
  if (target.status === 'uploading' && target.videoTransfer) {
    return videoProgressText(target.videoTransfer, network);
  }
  // A clip's upload before its first report (or a worker's restart) is still a video upload.
  if (target.status === 'uploading' && target.content.video && !target.video) {
    return t('video.uploading');
  }
  const total = target.parts.length;
  const posted = target.parts.filter((part) => part.result).length;
  if (target.status === 'waiting') {
    const wait = waitingText(target);
    return total > 1 && posted > 0
      ? tn('targetState.partsPosted', total, { wait, posted: formatNumber(posted) })
      : wait;
  }
  if (total <= 1) return statusText(target.status);
  const part = formatNumber(Math.min(posted + 1, total));
  switch (target.status) {
    case 'uploading':
      return t('targetState.uploadingPart', { part, total: formatNumber(total) });
    case 'posting':
      return t('targetState.postingPart', { part, total: formatNumber(total) });
    case 'done':
      return t('targetState.postedThread', { total: formatNumber(total) });
    case 'failed':
      return posted > 0
        ? tn('targetState.failedAfter', total, { posted: formatNumber(posted) })
        : statusText('failed');
    default:
      return statusText(target.status);
  }
}

/** What deleting did to one account's post, in words; empty when nobody asked to delete it. */
export function deletionText(target: TargetJob): string {
  if (target.deletedAt !== undefined) {
    const posted = target.parts.filter((part) => part.result).length;
    if (posted === 0) return t('targetState.nothingToDelete');
    const missing = target.notFoundOnDelete ?? 0;
    // Only what the server confirmed is called deleted; a post it did not have may have been
    // deleted elsewhere, or never made.
    if (missing >= posted) return t('targetState.notFound');
    return missing > 0
      ? tn('targetState.deletedSomeMissing', posted, { missing: formatNumber(missing) })
      : t('targetState.deleted');
  }
  return target.deleteError ? t('targetState.couldNotDelete') : '';
}
