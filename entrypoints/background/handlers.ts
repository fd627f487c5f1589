import { words } from '@/utils/i18n/wording';
import {
  deleteAccount,
  findAccount,
  listAccounts,
  patchAccount,
  upsertAccount,
} from '@/utils/accounts';
import { browser } from 'wxt/browser';
import { shareOpenedPage } from '@/utils/capture/share-actions';
import { fetchPageMetadata } from '@/utils/capture/fetch-page';
import { safeHttpUrl } from '@/utils/capture/sanitize';
import { canReadSite } from '@/utils/capture/site-access';
import { CrosswindError } from '@/utils/errors';
import type { MessageHandlers, ScheduleFailure } from '@/utils/messaging';
import { ADAPTERS } from '@/utils/networks';
import { renewDueCredentials } from '@/utils/networks/credential-upkeep';
import { beginConnect, cancelConnect, finishConnect } from '@/utils/networks/sign-in';
import type { Account } from '@/utils/networks/types';
import { deleteEverywhere } from '@/utils/publish/delete';
import { clearHistory, removeJob } from '@/utils/publish/job-store';
import { resumeDue, retryTarget, startPost } from '@/utils/publish/publisher';
import {
  cancelSchedule,
  editScheduled,
  reschedule,
  type ScheduleOutcome,
} from '@/utils/publish/schedule';
import { lastTargetsStorage } from '@/utils/storage';
import { nostrHandlers } from './nostr-handlers';

async function refreshOne(account: Account): Promise<void> {
  try {
    const snapshot = await ADAPTERS[account.network].refresh(account);
    await patchAccount(account.id, (item) => {
      Object.assign(item, snapshot, { state: 'connected', limitsCheckedAt: Date.now() });
    });
  } catch (error) {
    if (error instanceof CrosswindError && error.kind === 'auth') {
      await patchAccount(account.id, (item) => {
        item.state = 'reconnect';
      });
    }
    // Other failures (offline, server down) keep the last known profile and limits.
  }
}

/** Keeps a newly (re)connected account; posts that waited for it to be reconnected go out now. */
async function connected(account: Account): Promise<void> {
  await upsertAccount(account);
  void resumeDue();
  // Sets the alarm that renews a login which expires (Threads) in time.
  void renewDueCredentials().catch(() => undefined);
}

/** The accounts where a change of schedule failed, with why, as the page shows them. */
function failures(outcomes: ScheduleOutcome[]): { failed: ScheduleFailure[] } {
  return {
    failed: outcomes.flatMap((outcome) =>
      outcome.ok ? [] : [{ accountId: outcome.accountId, error: outcome.error }],
    ),
  };
}

/** What the background does for each message of the protocol. */
export const handlers: MessageHandlers = {
  async 'accounts.refresh'({ accountId }) {
    const accounts = await listAccounts();
    const chosen = accountId ? accounts.filter((account) => account.id === accountId) : accounts;
    await Promise.all(chosen.map(refreshOne));
    return listAccounts();
  },

  async 'accounts.remove'({ accountId }) {
    const account = await findAccount(accountId);
    if (!account) return;
    await ADAPTERS[account.network].disconnect(account);
    await deleteAccount(accountId);
    const targets = await lastTargetsStorage.getValue();
    await lastTargetsStorage.setValue(targets.filter((id) => id !== accountId));
  },

  async 'accounts.issuer'({ accountId }) {
    const account = await findAccount(accountId);
    if (!account) throw new CrosswindError('validation', words('outbox.accountRemoved'));
    const issuer = await ADAPTERS[account.network].issuer?.(account);
    return { server: issuer ?? account.server };
  },

  async 'accounts.connect'({ network, fields }) {
    const answer = await beginConnect(network, fields);
    if ('account' in answer) await connected(answer.account);
    return answer;
  },

  async 'accounts.finishConnect'({ network, redirectUrl }) {
    const account = await finishConnect(network, redirectUrl);
    await connected(account);
    return account;
  },

  async 'accounts.cancelConnect'({ network, state }) {
    await cancelConnect(network, state);
  },

  async 'post.publish'({ draft }) {
    const job = await startPost(draft);
    return { jobId: job.id };
  },

  async 'post.retry'({ jobId, accountId }) {
    await retryTarget(jobId, accountId);
  },

  async 'post.delete'({ jobId }) {
    const outcomes = await deleteEverywhere(jobId);
    return {
      failed: outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.accountId),
    };
  },

  async 'history.remove'({ jobId }) {
    await removeJob(jobId);
  },

  async 'history.clear'() {
    await clearHistory();
  },

  async 'schedule.cancel'({ jobId }) {
    return failures(await cancelSchedule(jobId));
  },

  async 'schedule.reschedule'({ jobId, at }) {
    return failures(await reschedule(jobId, at));
  },

  async 'schedule.edit'({ jobId }) {
    return failures(await editScheduled(jobId));
  },

  async 'outbox.resume'() {
    void resumeDue();
  },

  async 'page.capture'({ tabId }) {
    const [tab] =
      tabId === undefined
        ? await browser.tabs.query({ active: true, lastFocusedWindow: true })
        : [await browser.tabs.get(tabId)];
    return shareOpenedPage(tab);
  },

  async 'linkCard.fetch'({ url }) {
    const safe = safeHttpUrl(url);
    if (!safe) throw new CrosswindError('validation', words('linkCard.webLinksOnly'));
    if (!(await canReadSite(safe))) return { needsPermission: new URL(safe).origin };
    return { metadata: await fetchPageMetadata(safe) };
  },

  ...nostrHandlers,
};
