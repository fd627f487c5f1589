import { browser } from 'wxt/browser';
import { badgeState, jobsToNotify, notificationText, RECENT_JOBS } from '@/utils/publish/feedback';
import { outboxChangeStorage, type OutboxChange } from '@/utils/outbox/change';
import { readJob, readJobIds, readRecentFloor, readUnfinishedJobs } from '@/utils/outbox/read';
import type { PostJob } from '@/utils/publish/types';
import { accountsStorage, notifiedJobsStorage } from '@/utils/storage';
import { t } from '@/utils/i18n/messages';
import { languageReady } from './language';

const NOTIFICATION_PREFIX = 'crosswind-job:';

const newestFirst = (a: PostJob, b: PostJob) => b.createdAt - a.createdAt;

/** MV3 has `action`; Firefox's MV2 build has only `browserAction`. */
function toolbarButton() {
  return browser.action ?? browser.browserAction;
}

/** The tooltip the manifest gives the button (the name), restored once there is nothing to report. */
function idleTitle(): string {
  return t('manifest.name');
}

async function showBadge(jobs: PostJob[], recent: number): Promise<void> {
  // Worded in the language picked under Preferences, which the worker may still be loading.
  await languageReady();
  const badge = badgeState(jobs, idleTitle(), recent);
  const button = toolbarButton();
  await Promise.all([
    button.setBadgeText({ text: badge.text }),
    button.setBadgeBackgroundColor({ color: badge.color }),
    button.setTitle({ title: badge.title }),
  ]);
}

/**
 * The badge from the unfinished posts only (a failed one is unfinished too): the latest posts
 * are found by their place, so the rest of the history is never read.
 */
async function showBadgeForOutbox(): Promise<void> {
  const [unfinished, floor] = await Promise.all([
    readUnfinishedJobs(),
    readRecentFloor(RECENT_JOBS),
  ]);
  const recent = unfinished.filter((item) => item.seq >= floor).length;
  await showBadge(
    unfinished.map((item) => item.job),
    recent,
  );
}

/**
 * Notifies each job that settled since last time, once, even across worker restarts: the whole
 * history's ids are compared with those already notified. Run when the worker starts and after a
 * change to many posts at once.
 */
async function notifyAllSettled(): Promise<void> {
  const [stored, history] = await Promise.all([notifiedJobsStorage.getValue(), readJobIds()]);
  const ids = new Set(stored ?? []);
  const unnotified = history.settled.filter((id) => !ids.has(id));
  // Only the few posts settled since last time are read, never the whole history.
  const candidates = (await Promise.all(unnotified.map(readJob))).filter(
    (job): job is PostJob => job !== undefined,
  );
  // The very first run only seeds the list: posts settled before this existed stay quiet.
  const fresh = stored === null ? [] : jobsToNotify(candidates.toSorted(newestFirst), ids);
  for (const id of unnotified) ids.add(id);
  // Only ids still in the history are kept, so the list never outgrows it.
  const kept = history.all.filter((id) => ids.has(id)).toSorted();
  if (stored === null || kept.join() !== stored.toSorted().join()) {
    await notifiedJobsStorage.setValue(kept);
  }
  await notify(fresh);
}

/**
 * Notifies the one post that changed if that change settled it. Its cost does not grow with the
 * history, so the changes of a post being sent stay as quick with 500 posts behind it as with none.
 */
async function notifyIfSettled(jobId: string): Promise<void> {
  const [stored, job] = await Promise.all([notifiedJobsStorage.getValue(), readJob(jobId)]);
  if (stored === null) {
    await notifyAllSettled();
    return;
  }
  const fresh = job ? jobsToNotify([job], new Set(stored)) : [];
  if (fresh.length === 0) return;
  // Ids of posts that left the history since are dropped when the worker next starts.
  await notifiedJobsStorage.setValue([...stored, jobId]);
  await notify(fresh);
}

/**
 * Shows one notification per job, oldest first. Call it only once they are recorded as notified:
 * a worker stopped in between then loses a notification rather than doubling it.
 */
async function notify(jobs: PostJob[]): Promise<void> {
  if (jobs.length === 0) return;
  const [accounts] = await Promise.all([accountsStorage.getValue(), languageReady()]);
  for (const job of jobs) {
    const { title, message } = notificationText(job, accounts);
    await browser.notifications.create(`${NOTIFICATION_PREFIX}${job.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
  }
}

function openHistory(notificationId: string): void {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  void browser.tabs.create({ url: browser.runtime.getURL('/sent-posts.html') });
  void browser.notifications.clear(notificationId);
}

/**
 * Keeps the toolbar badge in step with deliveries and notifies each finished post once, so the
 * user learns the outcome with the popup closed. Call from the background's main().
 */
export function startDeliveryFeedback(): void {
  // Registered at once, as MV3 requires, so a click wakes a stopped worker.
  browser.notifications.onClicked.addListener(openHistory);
  // One update at a time, each reading the latest list: out-of-order updates could show stale state.
  let queue = Promise.resolve();
  const refresh = (change?: OutboxChange | null) => {
    const jobId = change?.jobId;
    queue = queue
      .then(async () => {
        await Promise.all([
          showBadgeForOutbox(),
          jobId ? notifyIfSettled(jobId) : notifyAllSettled(),
        ]);
      })
      // Badge and notifications are a courtesy: their failure must never stop the next update.
      .catch(() => undefined);
  };
  outboxChangeStorage.watch((change) => refresh(change));
  refresh();
}
