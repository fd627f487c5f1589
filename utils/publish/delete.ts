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
  if (!job) throw new CrosswindError('validation', 'That post is no longer in the history.');
  // A target still in flight or waiting would post again after we deleted: let it settle first.
  if (!isSettled(job)) {
    throw new CrosswindError(
      'validation',
      'This post is still being sent. Delete it once every account is done.',
    );
  }
  return Promise.all(job.targets.map((target) => deleteTarget(jobId, target)));
}

async function deleteTarget(jobId: string, target: TargetJob): Promise<DeleteOutcome> {
  const { accountId } = target;
  if (target.deletedAt) return { accountId, ok: true };
  try {
    const notFound = await removeParts(target);
    await updateTarget(jobId, accountId, (item) => {
      item.deletedAt = Date.now();
      delete item.deleteError;
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
 * rest, so a thread is never left with its root gone and its replies still up. Answers how many
 * parts the server did not have: removed by an earlier, failed run, deleted on the network
 * itself, or never really made; those are not counted as deleted by Crosswind.
 */
async function removeParts(target: TargetJob): Promise<number> {
  const posted = target.parts.flatMap((part) => (part.result ? [part.result] : []));
  if (posted.length === 0) return 0;
  const account = await findAccount(target.accountId);
  if (!account) {
    throw new CrosswindError(
      'validation',
      'This account is no longer connected; delete it on the network itself.',
    );
  }
  const adapter = ADAPTERS[account.network];
  try {
    let notFound = 0;
    for (const post of posted.toReversed()) {
      if ((await adapter.remove(account, post)) === 'not-found') notFound += 1;
    }
    return notFound;
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
