import type { Account } from '../networks/types';
import { targetLabel } from './target-label';
import { isSettled, type PostJob, type TargetJob } from './types';
import { t, tn } from '../i18n/messages';

/** What the toolbar button shows about deliveries. */
export interface BadgeState {
  /** Empty when there is nothing to say. */
  text: string;
  color: string;
  /** The button's tooltip, which is also what screen readers announce for it. */
  title: string;
}

/** Only recent failures count: an old one the user chose to leave must not nag forever. */
export const RECENT_JOBS = 20;

const NEUTRAL = '#5b616e';
const ALERT = '#b3261e';

const IN_FLIGHT = new Set<TargetJob['status']>(['queued', 'uploading', 'posting', 'waiting']);

/** True when an account did not get the post and the user has neither retried nor deleted it. */
function failedUndeleted(target: TargetJob): boolean {
  return target.status === 'failed' && target.deletedAt === undefined;
}

/**
 * The badge for a job list, newest first: "!" in red for failures among the first `recent` jobs
 * (the latest posts), else the count of posts in flight.
 */
export function badgeState(jobs: PostJob[], idleTitle: string, recent = RECENT_JOBS): BadgeState {
  const inFlight = jobs
    .flatMap((job) => job.targets)
    .filter((target) => IN_FLIGHT.has(target.status)).length;
  const failed = jobs
    .slice(0, recent)
    .flatMap((job) => job.targets)
    .filter(failedUndeleted).length;
  const progress = inFlight > 0 ? tn('feedback.inProgress', inFlight) : '';
  if (failed > 0) {
    const failures = tn('feedback.failedBadge', failed);
    return {
      text: '!',
      color: ALERT,
      title: progress
        ? t('feedback.twoSentences', { first: failures, second: progress })
        : failures,
    };
  }
  if (inFlight > 0) {
    return { text: String(inFlight), color: NEUTRAL, title: t('feedback.badge', { progress }) };
  }
  return { text: '', color: NEUTRAL, title: idleTitle };
}

/** A notification's words. */
export interface NotificationText {
  title: string;
  message: string;
}

/** How long the post's own text may run in a notification before it is cut. */
const SUMMARY_LENGTH = 80;

function excerpt(summary: string): string {
  const line = summary.replace(/\s+/g, ' ').trim();
  return line.length > SUMMARY_LENGTH ? `${line.slice(0, SUMMARY_LENGTH - 1)}…` : line;
}

/** What a settled job's notification says: where it went and, by name, where it failed. */
export function notificationText(job: PostJob, accounts: Account[]): NotificationText {
  const total = job.targets.length;
  const failed = job.targets
    .filter((target) => target.status === 'failed')
    .map((target) => targetLabel(target.accountId, accounts));
  const posted = total - failed.length;
  const text = excerpt(job.summary);
  // The post's own words go on a line of their own, in the language's quotation marks.
  const quote = text ? `\n${t('feedback.quote', { text })}` : '';
  if (failed.length === 0) {
    const where =
      total === 1
        ? targetLabel(job.targets[0]!.accountId, accounts)
        : tn('feedback.accounts', total);
    return { title: t('feedback.sentTitle'), message: t('feedback.postedTo', { where }) + quote };
  }
  const names = failed.join(t('common.listSeparator'));
  if (posted === 0) {
    return {
      title: t('feedback.notSentTitle'),
      message: t('feedback.notSent', { failed: names }) + quote,
    };
  }
  return {
    title: t('feedback.partlyTitle'),
    message: tn('feedback.partly', total, { posted, failed: names }) + quote,
  };
}

/** Settled jobs not notified yet, oldest first, so notifications arrive in the order posts were sent. */
export function jobsToNotify(jobs: PostJob[], notified: ReadonlySet<string>): PostJob[] {
  return jobs.filter((job) => isSettled(job) && !notified.has(job.id)).toReversed();
}
