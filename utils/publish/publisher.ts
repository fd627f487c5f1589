import { findAccount, patchAccount } from '../accounts';
import { CrosswindError, serializeError, toCrosswindError } from '../errors';
import { ADAPTERS } from '../networks';
import type { PostContent } from '../networks/types';
import { draftStorage, lastTargetsStorage } from '../storage';
import { getJob, insertJob, listJobs, updateTarget } from './job-store';
import { isSettled, type PostJob } from './types';

/** Targets being worked on by this service worker, so a double click cannot run one twice. */
const running = new Set<string>();

/** Records the post and one job per account, then starts every account at once. */
export async function startPost(input: {
  draftId: string;
  content: PostContent;
  targetIds: string[];
}): Promise<PostJob> {
  if (!input.content.text.trim()) {
    throw new CrosswindError('validation', 'Write something before posting.');
  }
  const targetIds = [...new Set(input.targetIds)];
  if (targetIds.length === 0) {
    throw new CrosswindError('validation', 'Pick at least one account to post to.');
  }
  const accounts = await Promise.all(targetIds.map((id) => findAccount(id)));
  const now = Date.now();
  const targets = accounts.map((account, index) => {
    if (!account) {
      throw new CrosswindError('validation', `Account ${targetIds[index]} is no longer connected.`);
    }
    return {
      accountId: account.id,
      status: 'queued' as const,
      idempotencyKey: ADAPTERS[account.network].newIdempotencyKey(),
      attempts: 0,
      updatedAt: now,
    };
  });
  const job: PostJob = {
    id: crypto.randomUUID(),
    draftId: input.draftId,
    createdAt: now,
    content: input.content,
    targets,
  };
  // Written before any network call: a worker stopped from here on can pick the job up again.
  await insertJob(job);
  await lastTargetsStorage.setValue(targetIds);
  void runJob(job);
  return job;
}

function runJob(job: PostJob): Promise<unknown> {
  return Promise.allSettled(job.targets.map((target) => runTarget(job.id, target.accountId)));
}

/** Sends one account's part, recording each state before and after the network call. */
export async function runTarget(jobId: string, accountId: string): Promise<void> {
  const key = `${jobId} ${accountId}`;
  if (running.has(key)) return;
  running.add(key);
  try {
    const job = await updateTarget(jobId, accountId, (target) => {
      target.status = 'posting';
      target.attempts += 1;
      delete target.error;
    });
    const target = job?.targets.find((item) => item.accountId === accountId);
    if (!job || !target) return;
    const account = await findAccount(accountId);
    try {
      if (!account) {
        throw new CrosswindError('validation', 'This account was removed from Crosswind.');
      }
      if (account.state === 'reconnect') {
        throw new CrosswindError(
          'auth',
          `Reconnect @${account.handle} in Crosswind's settings, then retry.`,
        );
      }
      const result = await ADAPTERS[account.network].publish(account, job.content, {
        idempotencyKey: target.idempotencyKey,
        isRetry: target.attempts > 1,
      });
      await updateTarget(jobId, accountId, (item) => {
        item.status = 'done';
        item.result = result;
      });
    } catch (thrown) {
      const error = toCrosswindError(thrown);
      if (error.kind === 'auth' && account) {
        await patchAccount(account.id, (item) => {
          item.state = 'reconnect';
        });
      }
      await updateTarget(jobId, accountId, (item) => {
        item.status = 'failed';
        item.error = serializeError(error);
      });
    }
    await clearDraftWhenDelivered(jobId);
  } finally {
    running.delete(key);
  }
}

/** The draft goes only once every account has the post; a partial failure keeps it for retries. */
async function clearDraftWhenDelivered(jobId: string): Promise<void> {
  const job = await getJob(jobId);
  if (!job || !isSettled(job) || job.targets.some((target) => target.status !== 'done')) return;
  const draft = await draftStorage.getValue();
  if (draft?.id === job.draftId) await draftStorage.setValue(null);
}

/** Sends a failed account's part again with the same idempotency key. */
export async function retryTarget(jobId: string, accountId: string): Promise<void> {
  const job = await getJob(jobId);
  const target = job?.targets.find((item) => item.accountId === accountId);
  if (!job || !target)
    throw new CrosswindError('validation', 'That post is no longer in the history.');
  if (target.status === 'done') return;
  void runTarget(jobId, accountId);
}

/** After a worker restart, finishes every target that was queued or in flight. */
export async function resumeUnfinished(): Promise<void> {
  const jobs = await listJobs();
  const work = jobs.flatMap((job) =>
    job.targets
      .filter((target) => target.status === 'queued' || target.status === 'posting')
      .map((target) => runTarget(job.id, target.accountId)),
  );
  await Promise.allSettled(work);
}
