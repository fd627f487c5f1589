import { t } from '@/utils/i18n/messages';
import { words, type StoredText } from '@/utils/i18n/wording';
import { findAccount, listAccounts, patchAccount } from '../accounts';
import type { Draft } from '../compose/draft';
import { planPost } from '../compose/plan';
import { planVideo } from '../compose/video-plan';
import { provideVideoRules } from '../compose/video-planner';
import { scheduleModeFor, scheduleProblem } from '../compose/schedule';
import { CrosswindError, serializeError, toCrosswindError } from '../errors';
import { ADAPTERS } from '../networks';
import type { CheckpointSlot, PartCheckpoint } from '../networks/checkpoint';
import type { Measures } from '../networks/measures';
import { hostOf, NETWORK_INFO } from '../networks/info';
import type {
  Account,
  NetworkAdapter,
  OutgoingPost,
  PublishedPost,
  TargetContent,
} from '../networks/types';
import { draftStorage, lastTargetsStorage } from '../storage';
import { nextAttemptAt } from './backoff';
import { ensureCardThumb } from './card-thumb';
import { prepareForUpload } from './images';
import { uploadVideoFor } from './video';
import { uploadTimeoutMs } from '../networks/upload-timeout';
import { borrowPublicImages } from './borrow-images';
import { readJobByDraft } from '../outbox/read';
import { getJob, insertJob, listUnfinishedJobs, updateTarget } from './job-store';
import { wakeAt } from './wake';
import type { PostJob, TargetJob } from './types';

/** How soon a stopped worker is woken to finish what it left in flight. */
const WATCHDOG_MS = 60_000;

/**
 * The longest one attempt at one account may take. Past it the attempt is abandoned and retried
 * with the same idempotency keys: whatever hangs (a request, a decode, a store), no account stays
 * "Posting…" for as long as the worker lives, which to the user is a lost post.
 */
export const ATTEMPT_DEADLINE_MS = 5 * 60_000;

/** Targets being worked on by this service worker, so a double click cannot run one twice. */
const running = new Set<string>();

const runKey = (jobId: string, accountId: string) => `${jobId} ${accountId}`;

/** Jobs whose schedule is being changed: none of their targets may start meanwhile. */
const held = new Set<string>();

/**
 * Keeps every target of a job from starting until the returned release is called, so a schedule
 * can be changed on the servers without a post going out halfway. Undefined (nothing held) while
 * one of its targets is already running.
 */
export function holdJob(job: PostJob): (() => void) | undefined {
  if (held.has(job.id)) return undefined;
  if (job.targets.some((target) => running.has(runKey(job.id, target.accountId)))) return undefined;
  held.add(job.id);
  return () => held.delete(job.id);
}

/**
 * How a "Post later" target starts: the server's own scheduling is asked for at once, while a
 * post Crosswind sends itself just waits for its time.
 */
function scheduledStart(
  account: Account,
  content: TargetContent,
  at: number,
  now: number,
): Pick<TargetJob, 'status' | 'scheduledAt' | 'scheduleMode'> {
  const mode = scheduleModeFor(
    {
      network: account.network,
      parts: content.parts.length,
      capabilities: account.capabilities,
      ignoresScheduling: account.ignoresScheduling,
    },
    at,
    now,
  );
  return mode.by === 'server' && ADAPTERS[account.network].schedule
    ? { status: 'queued', scheduledAt: at, scheduleMode: 'server' }
    : { status: 'scheduled', scheduledAt: at, scheduleMode: 'local' };
}

/** The counters the popup counted with, as the adapters hold them: a worker may not `import()`. */
function adapterMeasures(): Measures {
  const entries = Object.entries(ADAPTERS).map(([id, adapter]) => [id, adapter.measure]);
  return Object.fromEntries(entries) as Measures;
}

/** Records the post and one job per account, then starts every account at once. */
export async function startPost(draft: Draft): Promise<PostJob> {
  const targetIds = [...new Set(draft.targetIds)];
  if (targetIds.length === 0) {
    throw new CrosswindError('validation', words('outbox.pickAccount'));
  }
  const accounts = await listAccounts();
  const missing = targetIds.find((id) => !accounts.some((account) => account.id === id));
  if (missing) {
    throw new CrosswindError('validation', words('outbox.accountGone', { account: missing }));
  }
  provideVideoRules(planVideo);
  // The same planning the popup previewed: what the user saw is what each account gets.
  const plans = planPost({ ...draft, targetIds }, accounts, adapterMeasures());
  const now = Date.now();
  const later = draft.scheduledAt;
  const problem =
    plans.find((plan) => plan.problem)?.problem ??
    (later === undefined ? undefined : scheduleProblem(later, now));
  if (problem) throw new CrosswindError('validation', problem);
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
        ...(later !== undefined && scheduledStart(account, content, later, now)),
      };
    }),
    ...(later !== undefined && { scheduledAt: later, draft: { ...draft, targetIds } }),
  };
  // Written before any network call: a worker stopped from here on can pick the job up again.
  await insertJob(job);
  await lastTargetsStorage.setValue(targetIds);
  if (later !== undefined) {
    // The post now lives in the schedule, where it can still be edited: the composer is free.
    if ((await draftStorage.getValue())?.id === draft.id) await draftStorage.setValue(null);
    wakeAt(later, resumeDue);
  }
  // If the browser stops the worker mid-post, this alarm brings it back to finish the job.
  if (job.targets.some((target) => target.status === 'queued')) {
    wakeAt(Date.now() + WATCHDOG_MS, resumeDue);
  }
  void runJob(job);
  return job;
}

function runJob(job: PostJob): Promise<unknown> {
  return Promise.allSettled(job.targets.map((target) => runTarget(job.id, target.accountId)));
}

/** Posts one part: the first stands alone, every later one answers the part before it. */
function outgoing(target: TargetJob, index: number): OutgoingPost {
  // Images and video travel as uploaded media, not as the draft's references to stored files.
  const { parts, images: _images, video: _video, linkCard, ...settings } = target.content;
  const root = target.parts[0]?.result;
  const parent = target.parts[index - 1]?.result;
  return {
    ...settings,
    text: parts[index] ?? '',
    ...(index > 0 && root && parent && { replyTo: { root, parent } }),
    ...(index === 0 && target.media?.length && { media: target.media }),
    ...(index === 0 && target.video && { video: target.video }),
    // The card belongs to the first post alone, and images take its place when there are any.
    ...(index === 0 &&
      linkCard &&
      !target.media?.length && {
        linkCard: { ...linkCard, ...(target.cardThumb && { thumb: target.cardThumb }) },
      }),
  };
}

/** False for an account that has its post, or whose post waits for a time still to come. */
function isRunnable(target: TargetJob, now: number): boolean {
  if (target.status === 'done') return false;
  if (target.status !== 'scheduled') return true;
  // The server posts it by itself; Crosswind only posts its own, once their time has come.
  return target.serverScheduledId === undefined && (target.scheduledAt ?? 0) <= now;
}

/** Uploads the images an account does not have yet, recording them so a retry skips them. */
async function uploadImages(
  jobId: string,
  target: TargetJob,
  account: Account,
  adapter: NetworkAdapter,
  signal?: AbortSignal,
): Promise<TargetJob> {
  const images = target.content.images ?? [];
  if (images.length === 0 || target.media) return target;
  const { accountId } = target;
  await updateTarget(jobId, accountId, (item) => {
    item.status = 'uploading';
  });
  const rules = adapter.imageRules(account);
  // Every image at once; the order is kept, as the post shows them in that order.
  const media = NETWORK_INFO[account.network].capabilities.media.imagesByPublicUrl
    ? await borrowPublicImages(jobId, target, signal)
    : await Promise.all(
        images.map(async (image) =>
          adapter.uploadImage(account, await prepareForUpload(image, rules), { signal }),
        ),
      );
  signal?.throwIfAborted();
  const updated = await updateTarget(jobId, accountId, (item) => {
    item.media = media;
    item.status = 'posting';
  });
  return updated?.targets.find((item) => item.accountId === accountId) ?? target;
}

/**
 * Hands a "Post later" post to the account's server, which then posts it even with the browser
 * closed. When the time is too close for the server, or the server refuses it, Crosswind keeps it
 * and posts it itself. Answers the target when it is to be posted right now, else undefined.
 */
async function handOver(
  jobId: string,
  target: TargetJob,
  account: Account,
  adapter: NetworkAdapter,
): Promise<TargetJob | undefined> {
  const { accountId } = target;
  const at = target.scheduledAt ?? Date.now();
  const mode = scheduleModeFor(
    {
      network: account.network,
      parts: target.parts.length,
      capabilities: account.capabilities,
      ignoresScheduling: account.ignoresScheduling,
    },
    at,
    Date.now(),
  );
  let note: StoredText | undefined;
  if (mode.by === 'server' && adapter.schedule) {
    const ready = await uploadImages(jobId, target, account, adapter);
    try {
      const scheduled = await adapter.schedule(account, outgoing(ready, 0), {
        idempotencyKey: ready.parts[0]?.idempotencyKey ?? adapter.newIdempotencyKey(),
        isRetry: ready.attempts > 1,
        scheduledAt: at,
      });
      if ('publishedNow' in scheduled) {
        await recordPublishedNow(jobId, target, account, scheduled.publishedNow);
        return undefined;
      }
      await updateTarget(jobId, accountId, (item) => {
        item.status = 'scheduled';
        item.serverScheduledId = scheduled.id;
      });
      return undefined;
    } catch (thrown) {
      const error = toCrosswindError(thrown);
      if (error.kind !== 'unsupported') throw error;
      note = error.wording ?? error.message;
    }
  }
  const waits = at > Date.now();
  const updated = await updateTarget(jobId, accountId, (item) => {
    item.scheduleMode = 'local';
    // Images left unattached on a server may be cleaned up before the time: upload them then.
    if (waits) delete item.media;
    // Handing over is not posting: the post's own automatic retries start with its first attempt.
    item.roundStart = waits ? item.attempts : item.attempts - 1;
    if (note) item.scheduleNote = note;
    if (waits) item.status = 'scheduled';
  });
  if (waits) {
    wakeAt(at, resumeDue);
    return undefined;
  }
  return updated?.targets.find((item) => item.accountId === accountId) ?? target;
}

/**
 * The server posted at once what it was asked to schedule (it ignores `scheduled_at`): the post is
 * public, so it is recorded as posted, the user is told, and from now on Crosswind itself
 * schedules for this account.
 */
async function recordPublishedNow(
  jobId: string,
  target: TargetJob,
  account: Account,
  post: PublishedPost,
): Promise<void> {
  await patchAccount(account.id, (item) => {
    item.ignoresScheduling = true;
  });
  await updateTarget(jobId, target.accountId, (item) => {
    const first = item.parts[0];
    if (first) first.result = post;
    item.status = 'done';
    item.scheduleMode = 'local';
    delete item.serverScheduledId;
    item.notice = words('outbox.postedRightAway', { host: hostOf(account.server) });
  });
}

/** Sends one account's parts in order, recording each before the next starts. */
export async function runTarget(jobId: string, accountId: string): Promise<void> {
  const key = runKey(jobId, accountId);
  if (running.has(key)) return;
  running.add(key);
  try {
    // Read once this run holds the target: whoever asked may have read an older state.
    const current = (await getJob(jobId))?.targets.find((item) => item.accountId === accountId);
    if (!current || held.has(jobId) || !isRunnable(current, Date.now())) return;
    const job = await updateTarget(jobId, accountId, (target) => {
      target.status = 'posting';
      target.attempts += 1;
      delete target.error;
      delete target.waitingFor;
      delete target.nextAttemptAt;
    });
    const target = job?.targets.find((item) => item.accountId === accountId);
    if (!job || !target) return;
    const account = await findAccount(accountId);
    const attempt = new AbortController();
    // A clip gets the time its upload may take, and more with every sign of progress.
    const budget = Math.max(
      ATTEMPT_DEADLINE_MS,
      target.content.video ? uploadTimeoutMs(target.content.video.bytes) : 0,
    );
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(deadline);
      deadline = setTimeout(() => {
        const host = account ? hostOf(account.server) : t('errors.theServer');
        const minutes = Math.round(budget / 60_000);
        attempt.abort(
          new CrosswindError('network', words('outbox.deadline', { host, minutes }), {
            retryable: true,
          }),
        );
      }, budget);
    };
    arm();
    try {
      await untilAborted(sendTarget(jobId, target, account, attempt.signal, arm), attempt.signal);
    } catch (thrown) {
      await recordFailure(jobId, accountId, toCrosswindError(thrown), account);
    } finally {
      clearTimeout(deadline);
    }
    await clearDraftWhenDelivered(jobId);
  } finally {
    running.delete(key);
  }
}

/** Settles with `work`, or rejects with the signal's reason as soon as it aborts. */
// An abandoned attempt may still finish later: a post it makes is recorded (and its retry, with
// the same keys, gets the same post back); an error it throws then is nobody's concern.
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/** A part's checkpoint as the adapter sees it, stored in the job before the adapter goes on. */
function partCheckpoint(
  jobId: string,
  accountId: string,
  index: number,
  initial: PartCheckpoint | undefined,
): CheckpointSlot {
  let current = initial;
  return {
    get current() {
      return current;
    },
    async save(value) {
      await updateTarget(jobId, accountId, (item) => {
        const stored = item.parts[index];
        if (stored) stored.checkpoint = value;
      });
      current = value;
    },
  };
}

/** One attempt at one account: hand over or upload, then each part not yet posted, then done. */
async function sendTarget(
  jobId: string,
  first: TargetJob,
  account: Account | undefined,
  signal: AbortSignal,
  onProgress: () => void,
): Promise<void> {
  const { accountId } = first;
  let target = first;
  if (!account) {
    throw new CrosswindError('validation', words('outbox.accountRemoved'));
  }
  if (account.state === 'reconnect') {
    throw new CrosswindError('auth', words('outbox.reconnectFirst', { handle: account.handle }));
  }
  const adapter = ADAPTERS[account.network];
  if (target.scheduleMode === 'server' && target.serverScheduledId === undefined) {
    const now = await handOver(jobId, target, account, adapter);
    if (!now) return;
    target = now;
  }
  target = await uploadImages(jobId, target, account, adapter, signal);
  target = await uploadVideoFor(jobId, target, account, adapter, outgoing(target, 0), {
    signal,
    onProgress,
  });
  target = await ensureCardThumb(jobId, target, account, adapter);
  for (let index = 0; index < target.parts.length; index += 1) {
    const part = target.parts[index];
    // Parts already posted stay: a retry continues the thread where it stopped.
    if (!part || part.result) continue;
    signal.throwIfAborted();
    const result = await adapter.publish(account, outgoing(target, index), {
      idempotencyKey: part.idempotencyKey,
      isRetry: target.attempts > 1,
      signal,
      checkpoint: partCheckpoint(jobId, accountId, index, part.checkpoint),
    });
    const updated = await updateTarget(jobId, accountId, (item) => {
      const stored = item.parts[index];
      if (stored) stored.result = result;
    });
    target = updated?.targets.find((item) => item.accountId === accountId) ?? target;
  }
  signal.throwIfAborted();
  await updateTarget(jobId, accountId, (item) => {
    item.status = 'done';
  });
}

/** Every account has the post (a post that did is settled too). */
const deliveredEverywhere = (job: PostJob) =>
  job.targets.every((target) => target.status === 'done');

/** The draft goes only once every account has the post; a partial failure keeps it for retries. */
async function clearDraftWhenDelivered(jobId: string): Promise<void> {
  const job = await getJob(jobId);
  if (!job || !deliveredEverywhere(job)) return;
  const draft = await draftStorage.getValue();
  if (draft?.id === job.draftId) await draftStorage.setValue(null);
}

/** Decides what a failure means for the target: wait for a retry, a reconnect, the network, or give up. */
async function recordFailure(
  jobId: string,
  accountId: string,
  error: CrosswindError,
  account: Account | undefined,
): Promise<void> {
  const serialized = serializeError(error);
  let wait: Pick<TargetJob, 'waitingFor' | 'nextAttemptAt'> | undefined;
  if (error.kind === 'auth' && account) {
    await patchAccount(account.id, (item) => {
      item.state = 'reconnect';
    });
    wait = { waitingFor: 'reconnect' };
  } else if (error.kind === 'network' && isOffline()) {
    wait = { waitingFor: 'online' };
  }
  const updated = await updateTarget(jobId, accountId, (item) => {
    item.error = serialized;
    delete item.waitingFor;
    delete item.nextAttemptAt;
    const at =
      wait === undefined
        ? nextAttemptAt(serialized, item.attempts - (item.roundStart ?? 0), Date.now())
        : undefined;
    if (at !== undefined) wait = { waitingFor: 'retry', nextAttemptAt: at };
    if (wait) Object.assign(item, { status: 'waiting' }, wait);
    else item.status = 'failed';
  });
  const retryAt = updated?.targets.find((item) => item.accountId === accountId)?.nextAttemptAt;
  if (retryAt !== undefined) wakeAt(retryAt, resumeDue);
}

function isOffline(): boolean {
  return globalThis.navigator?.onLine === false;
}

/** Sends a failed or waiting account's post again now, with the same idempotency keys. */
export async function retryTarget(jobId: string, accountId: string): Promise<void> {
  const job = await getJob(jobId);
  const target = job?.targets.find((item) => item.accountId === accountId);
  if (!job || !target) throw new CrosswindError('validation', words('outbox.notInHistory'));
  if (target.status === 'done') return;
  if (target.deletedAt !== undefined || target.deleteError !== undefined) {
    throw new CrosswindError('validation', words('outbox.wasDeleted'));
  }
  // A retry the user asks for starts a fresh round of automatic retries.
  await updateTarget(jobId, accountId, (item) => {
    item.roundStart = item.attempts;
  });
  void runTarget(jobId, accountId);
}

/** True when a target should run now: interrupted, due for a retry, or its wait is over. */
function isDue(target: TargetJob, accounts: Account[], now: number): boolean {
  switch (target.status) {
    case 'queued':
    case 'uploading':
    case 'posting':
      return true;
    case 'waiting':
      if (target.waitingFor === 'reconnect') {
        return accounts.some((item) => item.id === target.accountId && item.state === 'connected');
      }
      if (target.waitingFor === 'online') return !isOffline();
      return (target.nextAttemptAt ?? 0) <= now;
    case 'scheduled':
      return isRunnable(target, now);
    default:
      return false;
  }
}

/** When a target needs the worker next: its retry, or its scheduled time. */
function nextWake(target: TargetJob): number | undefined {
  if (target.status === 'waiting' && target.waitingFor === 'retry') return target.nextAttemptAt;
  if (target.status === 'scheduled') return target.scheduledAt;
  return undefined;
}

/**
 * A post the server scheduled is the server's to publish: once its time has come, it is marked
 * posted. (Mastodon gives no link for it, and reading the server's schedule would need a wider
 * permission than Crosswind asks for.)
 */
async function markServerPosted(jobs: PostJob[], now: number): Promise<void> {
  const due = jobs.flatMap((job) =>
    job.targets
      .filter(
        (target) =>
          target.status === 'scheduled' &&
          target.serverScheduledId !== undefined &&
          (target.scheduledAt ?? 0) <= now,
      )
      .map((target) => ({ jobId: job.id, accountId: target.accountId })),
  );
  for (const { jobId, accountId } of due) {
    await updateTarget(jobId, accountId, (item) => {
      if (item.status === 'scheduled' && item.serverScheduledId !== undefined) item.status = 'done';
    });
  }
}

/**
 * Runs every target that is due, and sets a wake-up for the next retry or scheduled post. Called
 * when the worker starts (a stopped worker left jobs behind, or the browser was closed when a
 * post's time came), when an alarm fires, when the browser comes back online, and when an
 * account is reconnected.
 */
export async function resumeDue(): Promise<void> {
  const leftDraft = clearDraftLeftDelivered();
  // Only unfinished posts can have anything due: the rest of the history is never read.
  const [jobs, accounts] = await Promise.all([listUnfinishedJobs(), listAccounts()]);
  const now = Date.now();
  await markServerPosted(jobs, now);
  const work = jobs.flatMap((job) =>
    job.targets
      .filter((target) => isDue(target, accounts, now))
      .map((target) => runTarget(job.id, target.accountId)),
  );
  const later = jobs
    .flatMap((job) => job.targets)
    .map(nextWake)
    .filter((at): at is number => at !== undefined && at > now);
  if (later.length > 0) wakeAt(Math.min(...later), resumeDue);
  await Promise.allSettled([...work, leftDraft]);
}

/**
 * A worker stopped after the last account's post was recorded and before the draft was cleared
 * leaves a sent draft behind, and nothing is left to run that would clear it: the popup then kept
 * showing that post's text as sent, locked. Cleared on the next start, as after the delivery.
 */
async function clearDraftLeftDelivered(): Promise<void> {
  const draft = await draftStorage.getValue();
  if (!draft) return;
  // The job and the draft are both in hand: no second read of either.
  const sent = await readJobByDraft(draft.id);
  if (sent && deliveredEverywhere(sent.job)) await draftStorage.setValue(null);
}
