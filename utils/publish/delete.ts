import { words } from '@/utils/i18n/wording';
import { findAccount, patchAccount } from '../accounts';
import { CrosswindError, serializeError, toCrosswindError, type SerializedError } from '../errors';
import { ADAPTERS } from '../networks';
import { getJob, updateTarget } from './job-store';
import { isSettled, type TargetJob } from './types';

/** How removing a post from one account went. */
export type DeleteOutcome =
  { accountId: string; ok: true } | { accountId: string; ok: false; error: SerializedError };

/** Deletions under way, so a double click waits for the first run instead of starting another. */
const running = new Map<string, Promise<DeleteOutcome[]>>();

/**
 * Removes a sent post from every account it reached, all accounts at once. The job stays in the
 * history, marked deleted per account, so the user sees where deletion failed and can try again.
 */
export function deleteEverywhere(jobId: string): Promise<DeleteOutcome[]> {
  const current = running.get(jobId);
  if (current) return current;
  const work = deleteJob(jobId).finally(() => running.delete(jobId));
  running.set(jobId, work);
  return work;
}

async function deleteJob(jobId: string): Promise<DeleteOutcome[]> {
  const job = await getJob(jobId);
  if (!job) throw new CrosswindError('validation', words('outbox.notInHistory'));
  // A target still in flight or waiting would post again after we deleted: let it settle first.
  if (!isSettled(job)) {
    throw new CrosswindError('validation', words('outbox.stillSendingDelete'));
  }
  return Promise.all(job.targets.map((target) => deleteTarget(jobId, target)));
}

async function deleteTarget(jobId: string, target: TargetJob): Promise<DeleteOutcome> {
  const { accountId } = target;
  if (target.deletedAt) return { accountId, ok: true };
  try {
    await removeParts(jobId, target);
    await updateTarget(jobId, accountId, (item) => {
      item.deletedAt = Date.now();
      delete item.deleteError;
      const notFound = item.parts.filter((part) => part.removal === 'not-found').length;
      if (notFound > 0) item.notFoundOnDelete = notFound;
      else delete item.notFoundOnDelete;
    });
    return { accountId, ok: true };
  } catch (thrown) {
    const error = serializeError(thrown);
    await updateTarget(jobId, accountId, (item) => {
      item.deleteError = error;
    });
    return { accountId, ok: false, error };
  }
}

/**
 * Last part first: replies go before the post they answer, and the first failure stops the
 * rest, so a thread is never left with its root gone and its replies still up. Each part's
 * outcome is recorded as it comes, so a second run skips what the first removed; a part the
 * server did not have (deleted on the network itself, or never really made) is recorded as not
 * found, never as deleted by Crosswind.
 */
async function removeParts(jobId: string, target: TargetJob): Promise<void> {
  const pending = target.parts.flatMap((part, index) =>
    part.result && part.removal === undefined ? [{ post: part.result, index }] : [],
  );
  if (pending.length === 0) return;
  const account = await findAccount(target.accountId);
  if (!account) {
    throw new CrosswindError('validation', words('outbox.deleteOnNetwork'));
  }
  const adapter = ADAPTERS[account.network];
  try {
    for (const { post, index } of pending.toReversed()) {
      const removal = await adapter.remove(account, post);
      await updateTarget(jobId, target.accountId, (item) => {
        const stored = item.parts[index];
        if (stored) stored.removal = removal;
      });
    }
  } catch (thrown) {
    const error = toCrosswindError(thrown);
    if (error.kind === 'auth') {
      await patchAccount(account.id, (item) => {
        item.state = 'reconnect';
      });
    }
    throw error;
  }
}
