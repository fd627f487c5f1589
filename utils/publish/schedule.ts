import { words, type StoredText } from '@/utils/i18n/wording';
import { findAccount, patchAccount } from '../accounts';
import { isBlankDraft, normalizeDraft } from '../compose/draft';
import { scheduleModeFor, scheduleProblem } from '../compose/schedule';
import { CrosswindError, serializeError, toCrosswindError, type SerializedError } from '../errors';
import { ADAPTERS } from '../networks';
import type { Account } from '../networks/types';
import { draftStorage } from '../storage';
import { getJob, removeTargets, updateJob, updateTarget } from './job-store';
import { holdJob, resumeDue } from './publisher';
import { isScheduledJob, type PostJob, type TargetJob } from './types';
import { inMediaTurn } from '../media/media-turn';

/** How changing one account's part of a schedule went. */
export type ScheduleOutcome =
  { accountId: string; ok: true } | { accountId: string; ok: false; error: SerializedError };

const UNSENT_DRAFT = words('outbox.unsentDraft');

/** Accounts that did not get the post yet: those a change of schedule applies to. */
function unposted(target: TargetJob): boolean {
  return target.status !== 'done' && !target.parts.some((part) => part.result);
}

/**
 * Runs a change of a scheduled job while none of its posts can start, so nothing goes out
 * halfway through; afterwards whatever is due runs, and the next wake-up is set again.
 */
async function changeSchedule<T>(jobId: string, change: (job: PostJob) => Promise<T>): Promise<T> {
  const job = await getJob(jobId);
  if (!job || !isScheduledJob(job)) {
    throw new CrosswindError('validation', words('outbox.noLongerScheduled'));
  }
  const now = Date.now();
  if (
    job.targets.some((target) => target.status === 'scheduled' && (target.scheduledAt ?? 0) <= now)
  ) {
    throw new CrosswindError('validation', words('outbox.timeHasCome'));
  }
  // Mid-hand-over a server may be creating its copy right now; changing it then could leave one behind.
  const inHand = job.targets.some((target) =>
    ['queued', 'uploading', 'posting'].includes(target.status),
  );
  const release = inHand ? undefined : holdJob(job);
  if (!release) {
    throw new CrosswindError('validation', words('outbox.handingOver'));
  }
  try {
    return await change(job);
  } finally {
    release();
    void resumeDue();
  }
}

/** A failure, and an account the server no longer lets in marked for reconnecting. */
async function failed(
  accountId: string,
  thrown: unknown,
  account: Account | undefined,
): Promise<ScheduleOutcome> {
  const error = toCrosswindError(thrown);
  if (error.kind === 'auth' && account) {
    await patchAccount(account.id, (item) => {
      item.state = 'reconnect';
    });
  }
  return { accountId, ok: false, error: serializeError(error) };
}

/**
 * Takes an account's post off its server's schedule; Crosswind keeps it, to post at the same
 * time itself. A post not on a server has nothing to take off.
 */
async function bringHome(jobId: string, target: TargetJob): Promise<ScheduleOutcome> {
  const { accountId, serverScheduledId } = target;
  let newKey: string | undefined;
  if (serverScheduledId !== undefined) {
    const account = await findAccount(accountId);
    try {
      const adapter = account && ADAPTERS[account.network];
      if (!account || !adapter?.cancelScheduled) {
        throw new CrosswindError('validation', words('outbox.cancelInApp'));
      }
      await adapter.cancelScheduled(account, serverScheduledId);
      newKey = adapter.newIdempotencyKey();
    } catch (thrown) {
      return failed(accountId, thrown, account);
    }
  }
  await updateTarget(jobId, accountId, (item) => {
    if (newKey !== undefined) {
      delete item.serverScheduledId;
      // Images attached to the cancelled post are let go by the server: upload them again then.
      delete item.media;
      // For an hour the old key stays bound to the cancelled post, and a post sent with it is refused.
      const first = item.parts[0];
      if (first) first.idempotencyKey = newKey;
    }
    if (item.scheduleMode === 'server') item.scheduleMode = 'local';
    if (item.status === 'waiting') {
      item.status = 'scheduled';
      delete item.waitingFor;
      delete item.nextAttemptAt;
    }
  });
  return { accountId, ok: true };
}

/**
 * Cancels a scheduled post: each server deletes its scheduled copy, and the accounts where that
 * worked are dropped from the job (the whole job once none is left). Answers per account, so the
 * page can say where cancelling failed; those accounts stay scheduled.
 */
export function cancelSchedule(jobId: string): Promise<ScheduleOutcome[]> {
  return changeSchedule(jobId, async (job) => {
    const outcomes = await Promise.all(
      job.targets.filter(unposted).map((target) => bringHome(job.id, target)),
    );
    const cancelled = outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.accountId);
    await removeTargets(job.id, cancelled);
    return outcomes;
  });
}

/** Moves one account's post to `at`, on its server or here, whichever can post it then. */
async function moveTarget(jobId: string, target: TargetJob, at: number): Promise<ScheduleOutcome> {
  const { accountId } = target;
  const account = await findAccount(accountId);
  const adapter = account && ADAPTERS[account.network];
  const mode = account
    ? scheduleModeFor(
        {
          network: account.network,
          parts: target.parts.length,
          capabilities: account.capabilities,
          ignoresScheduling: account.ignoresScheduling,
        },
        at,
        Date.now(),
      )
    : undefined;
  let note: StoredText | undefined;
  if (target.serverScheduledId !== undefined) {
    if (mode?.by === 'server' && adapter?.reschedule) {
      try {
        await adapter.reschedule(account!, target.serverScheduledId, at);
        await updateTarget(jobId, accountId, (item) => {
          item.scheduledAt = at;
        });
        return { accountId, ok: true };
      } catch (thrown) {
        const error = toCrosswindError(thrown);
        if (error.kind !== 'unsupported') return failed(accountId, error, account);
        note = error.wording ?? error.message;
      }
    }
    // Too close for the server now: its copy goes, and Crosswind posts it at the new time.
    const home = await bringHome(jobId, target);
    if (!home.ok) return home;
  }
  await updateTarget(jobId, accountId, (item) => {
    item.scheduledAt = at;
    if (note) item.scheduleNote = note;
    // Far enough ahead now for the server to take it: the browser then need not be running.
    if (item.status === 'scheduled' && mode?.by === 'server' && adapter?.schedule && !note) {
      item.scheduleMode = 'server';
      item.status = 'queued';
      delete item.scheduleNote;
    }
  });
  return { accountId, ok: true };
}

/**
 * Changes when a scheduled post goes out. Accounts where the server would not move it keep
 * their old time, and the answer says which.
 */
export function reschedule(jobId: string, at: number): Promise<ScheduleOutcome[]> {
  const problem = scheduleProblem(at, Date.now());
  if (problem) return Promise.reject(new CrosswindError('validation', problem));
  return changeSchedule(jobId, async (job) => {
    const outcomes = await Promise.all(
      job.targets.filter(unposted).map((target) => moveTarget(job.id, target, at)),
    );
    await updateJob(job.id, (item) => {
      item.scheduledAt = at;
      if (item.draft) item.draft.scheduledAt = at;
    });
    return outcomes;
  });
}

async function composerIsFree(): Promise<boolean> {
  const draft = await draftStorage.getValue();
  return !draft || isBlankDraft(normalizeDraft(draft));
}

/**
 * Takes a scheduled post off the schedule and puts it back in the composer, to be changed and
 * sent or scheduled again. A post being written there is never overwritten; and if a server
 * would not let its copy go, the post stays scheduled, everywhere, and the answer says where.
 */
export function editScheduled(jobId: string): Promise<ScheduleOutcome[]> {
  return changeSchedule(jobId, async (job) => {
    if (!(await composerIsFree())) throw new CrosswindError('validation', UNSENT_DRAFT);
    if (!job.draft) {
      throw new CrosswindError('validation', words('outbox.cannotEdit'));
    }
    const pending = job.targets.filter(unposted);
    const outcomes = await Promise.all(pending.map((target) => bringHome(job.id, target)));
    if (outcomes.some((outcome) => !outcome.ok)) return outcomes;
    // Checked again: the composer may have been used while the servers answered.
    if (!(await composerIsFree())) throw new CrosswindError('validation', UNSENT_DRAFT);
    const accountIds = pending.map((target) => target.accountId);
    const { draft } = job;
    // One media turn: a composer's sweep must see the post's files named by the job or the draft.
    await inMediaTurn(async () => {
      await draftStorage.setValue(
        normalizeDraft({
          ...draft,
          targetIds: draft.targetIds.filter((id) => accountIds.includes(id)),
          updatedAt: Date.now(),
        }),
      );
      // Only now: until the draft is back in the composer, the job is where the post lives.
      await removeTargets(job.id, accountIds);
    });
    return outcomes;
  });
}
