import { findAccount, listAccounts, patchAccount } from '../accounts';
import type { Draft } from '../compose/draft';
import { planPost } from '../compose/plan';
import { CrosswindError, serializeError, toCrosswindError } from '../errors';
import { ADAPTERS } from '../networks';
import type { OutgoingPost } from '../networks/types';
import { draftStorage, lastTargetsStorage } from '../storage';
import { getJob, insertJob, listJobs, updateTarget } from './job-store';
import { isSettled, type PostJob, type TargetJob } from './types';

/** Targets being worked on by this service worker, so a double click cannot run one twice. */
const running = new Set<string>();

/** Records the post and one job per account, then starts every account at once. */
export async function startPost(draft: Draft): Promise<PostJob> {
  const targetIds = [...new Set(draft.targetIds)];
  if (targetIds.length === 0) {
    throw new CrosswindError('validation', 'Pick at least one account to post to.');
  }
  const accounts = await listAccounts();
  const missing = targetIds.find((id) => !accounts.some((account) => account.id === id));
  if (missing) {
    throw new CrosswindError('validation', `Account ${missing} is no longer connected.`);
  }
  // The same planning the popup previewed: what the user saw is what each account gets.
  const plans = planPost({ ...draft, targetIds }, accounts);
  const problem = plans.find((plan) => plan.problem)?.problem;
  if (problem) throw new CrosswindError('validation', problem);
  const now = Date.now();
  const job: PostJob = {
    id: crypto.randomUUID(),
    draftId: draft.id,
    createdAt: now,
    summary: draft.text.trim() || (plans[0]?.content.parts[0] ?? ''),
    targets: plans.map(({ account, content }) => {
      const adapter = ADAPTERS[account.network];
      return {
        accountId: account.id,
        status: 'queued' as const,
        content,
        // Every part's key is chosen now, so a retry of part N reuses exactly its own key.
        parts: content.parts.map(() => ({ idempotencyKey: adapter.newIdempotencyKey() })),
        attempts: 0,
        updatedAt: now,
      };
    }),
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

/** Posts one part: the first stands alone, every later one answers the part before it. */
function outgoing(target: TargetJob, index: number): OutgoingPost {
  const { parts, ...settings } = target.content;
  const root = target.parts[0]?.result;
  const parent = target.parts[index - 1]?.result;
  return {
    ...settings,
    text: parts[index] ?? '',
    ...(index > 0 && root && parent && { replyTo: { root, parent } }),
  };
}

/** Sends one account's parts in order, recording each before the next starts. */
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
    let target = job?.targets.find((item) => item.accountId === accountId);
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
      const adapter = ADAPTERS[account.network];
      for (let index = 0; index < target.parts.length; index += 1) {
        const part = target.parts[index];
        // Parts already posted stay: a retry continues the thread where it stopped.
        if (!part || part.result) continue;
        const result = await adapter.publish(account, outgoing(target, index), {
          idempotencyKey: part.idempotencyKey,
          isRetry: target.attempts > 1,
        });
        const updated = await updateTarget(jobId, accountId, (item) => {
          const stored = item.parts[index];
          if (stored) stored.result = result;
        });
        target = updated?.targets.find((item) => item.accountId === accountId) ?? target;
      }
      await updateTarget(jobId, accountId, (item) => {
        item.status = 'done';
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
