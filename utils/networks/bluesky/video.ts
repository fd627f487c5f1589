import { words } from '@/utils/i18n/wording';
import type { AtpAgent } from '@atproto/api';
import { isLoopback } from '@/utils/auth/server-url';
import {
  CrosswindError,
  incompleteAnswer,
  rateLimited,
  retryAtFromHeaders,
  serverTrouble,
} from '@/utils/errors';
import { DEFAULT_DIRECTORY, type DirectorySettings } from '@/utils/storage';
import { fetchFailure, readBody, withTimeout, type HttpAnswer } from '../fetch-json';
import { hostOf } from '../host';
import type { Account, UploadedMedia, VideoUpload, VideoUploadOptions } from '../types';
import { uploadTimeoutMs } from '../upload-timeout';

/** Bluesky's video service: it transcodes a clip and stores the result on the user's own PDS. */
export const BLUESKY_VIDEO_SERVICE = 'https://video.bsky.app';
const VIDEO_SERVICE_DID = 'did:web:video.bsky.app';
/** How long the service may process a clip before Crosswind stops asking (and tries again later). */
const PROCESSING_LIMIT_MS = 15 * 60_000;
const LOOK_EVERY_MS = 1_500;

/**
 * Which way a clip reaches an account's PDS (docs.bsky.app, "Uploading Video"):
 * - 'service': through Bluesky's video service, which processes it before the post exists and
 *   saves the result to the PDS with a service token; the way Bluesky recommends, and the only
 *   one that takes WebM, MPEG and QuickTime (the embed itself accepts only MP4 blobs).
 * - 'direct': `uploadBlob` to the PDS, for accounts the service cannot serve: a PDS on this
 *   computer or a private address (the service saves to the PDS over the internet) and a
 *   separate AT Protocol network with its own directory (the service is part of Bluesky's).
 */
export function videoPathFor(
  account: Pick<Account, 'server'>,
  directory: DirectorySettings,
): 'service' | 'direct' {
  const server = new URL(account.server);
  const ownNetwork =
    directory.handleResolver !== DEFAULT_DIRECTORY.handleResolver ||
    directory.plcDirectory !== DEFAULT_DIRECTORY.plcDirectory;
  return isLoopback(server) || server.protocol !== 'https:' || ownNetwork ? 'direct' : 'service';
}

/** The uploaded clip as the post's embed refers to it. */
function uploaded(
  upload: VideoUpload,
  blob: { ref: { $link: string }; mimeType: string; size: number },
): UploadedMedia {
  return {
    id: blob.ref.$link,
    alt: upload.video.alt,
    width: upload.video.width,
    height: upload.video.height,
    blob: {
      $type: 'blob',
      ref: { $link: blob.ref.$link },
      mimeType: blob.mimeType,
      size: blob.size,
    },
  };
}

/** A blob reference in its JSON form, or undefined when the answer holds none. */
function blobOf(
  value: unknown,
): { ref: { $link: string }; mimeType: string; size: number } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const blob = value as { ref?: { $link?: unknown }; mimeType?: unknown; size?: unknown };
  const link = blob.ref?.$link;
  return typeof link === 'string' &&
    typeof blob.mimeType === 'string' &&
    typeof blob.size === 'number'
    ? { ref: { $link: link }, mimeType: blob.mimeType, size: blob.size }
    : undefined;
}

/** The session's access token, refreshed first when it has expired (a clip takes a while). */
async function accessToken(agent: AtpAgent): Promise<string> {
  await agent.com.atproto.server.getSession();
  const token = agent.session?.accessJwt;
  if (!token) throw new CrosswindError('auth', words('video.sessionEnded'));
  return token;
}

async function send(
  url: string,
  init: RequestInit & { timeoutMs?: number },
  host: string,
): Promise<HttpAnswer> {
  const { timeoutMs, signal, ...rest } = init;
  try {
    const response = await fetch(url, { ...rest, signal: withTimeout(signal, timeoutMs) });
    return readBody(response, await response.text());
  } catch (error) {
    throw fetchFailure(error, host);
  }
}

/** What an XRPC error answer means, in words. */
function xrpcFailure(answer: HttpAnswer, host: string): CrosswindError {
  if (answer.status === 429) return rateLimited(host, retryAtFromHeaders(answer.headers));
  if (answer.status >= 500) return serverTrouble(host, answer.status);
  const body = (answer.json ?? {}) as { error?: unknown; message?: unknown };
  const said = [body.error, body.message].filter((part) => typeof part === 'string').join(': ');
  if (answer.status === 401 || body.error === 'ExpiredToken') {
    return new CrosswindError('auth', words('video.sessionEnded'), { status: answer.status });
  }
  return new CrosswindError(
    'validation',
    words('video.refused', { host, reason: said.slice(0, 300) || String(answer.status) }),
    {
      status: answer.status,
    },
  );
}

/**
 * `uploadBlob` straight to the PDS, streamed from the stored file. The embed takes only MP4
 * blobs, and the PDS records the type it finds in the bytes, so anything else is refused here.
 */
export async function uploadVideoDirect(
  agent: AtpAgent,
  account: Account,
  upload: VideoUpload,
  options: VideoUploadOptions,
): Promise<UploadedMedia> {
  const host = hostOf(account.server);
  if (upload.video.type !== 'video/mp4') {
    throw new CrosswindError('validation', words('video.mp4Only', { host }), { retryable: false });
  }
  const total = upload.file.size;
  await options.report({ stage: 'uploading', sentBytes: 0, totalBytes: total });
  const answer = await send(
    new URL('/xrpc/com.atproto.repo.uploadBlob', agent.serviceUrl).toString(),
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${await accessToken(agent)}`, 'Content-Type': 'video/mp4' },
      body: upload.file,
      timeoutMs: uploadTimeoutMs(total),
      ...(options.signal && { signal: options.signal }),
    },
    host,
  );
  if (!answer.ok) throw xrpcFailure(answer, host);
  const blob = blobOf((answer.json as { blob?: unknown } | undefined)?.blob);
  if (!blob) throw incompleteAnswer(host, words('errors.missing.blob'));
  await options.report({ stage: 'uploading', sentBytes: total, totalBytes: total });
  return uploaded(upload, blob);
}

interface JobStatus {
  jobId?: string;
  state?: string;
  progress?: number;
  blob?: unknown;
  error?: string;
  message?: string;
}

function jobOf(answer: HttpAnswer): JobStatus | undefined {
  const body = answer.json as { jobStatus?: unknown; jobId?: unknown } | undefined;
  const job = (body?.jobStatus ?? body) as JobStatus | undefined;
  return typeof job === 'object' && job !== null ? job : undefined;
}

/**
 * Through Bluesky's video service: a service token for the account's PDS (the service saves the
 * processed clip there with it), the daily limits the service reports, the upload, then the job's
 * status until it gives the blob. The job id is recorded before waiting: a stopped worker asks
 * about that job instead of uploading again.
 */
export async function uploadVideoViaService(
  agent: AtpAgent,
  account: Account,
  upload: VideoUpload,
  options: VideoUploadOptions,
  service = BLUESKY_VIDEO_SERVICE,
): Promise<UploadedMedia> {
  const host = hostOf(service);
  const total = upload.file.size;
  let jobId = options.resume?.processingId;
  if (!jobId) {
    await checkLimits(agent, service, host, total, options.signal);
    const { data } = await agent.com.atproto.server.getServiceAuth({
      aud: await pdsDid(agent),
      lxm: 'com.atproto.repo.uploadBlob',
      exp: Math.floor(Date.now() / 1000) + 30 * 60,
    });
    await options.report({ stage: 'uploading', sentBytes: 0, totalBytes: total });
    const url = new URL('/xrpc/app.bsky.video.uploadVideo', service);
    url.search = new URLSearchParams({ did: account.remoteId, name: upload.video.name }).toString();
    const answer = await send(
      url.toString(),
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${data.token}`, 'Content-Type': upload.video.type },
        body: upload.file,
        timeoutMs: uploadTimeoutMs(total),
        ...(options.signal && { signal: options.signal }),
      },
      host,
    );
    const job = jobOf(answer);
    // A clip the service processed before answers with that job (and its blob), not an error.
    if (!job?.jobId)
      throw answer.ok
        ? incompleteAnswer(host, words('errors.missing.jobId'))
        : xrpcFailure(answer, host);
    jobId = job.jobId;
    const done = blobOf(job.blob);
    if (done) return uploaded(upload, done);
    await options.report({
      stage: 'processing',
      sentBytes: total,
      totalBytes: total,
      processingId: jobId,
    });
  }
  return untilProcessed(service, host, jobId, upload, options);
}

/**
 * The PDS's own service DID, the audience the video service's token must name to store the clip
 * there: as the PDS describes itself, else the did:web of its host name.
 */
async function pdsDid(agent: AtpAgent): Promise<string> {
  const described = await agent.com.atproto.server.describeServer().catch(() => undefined);
  return described?.data.did ?? `did:web:${new URL(agent.serviceUrl).hostname}`;
}

/** `app.bsky.video.getUploadLimits`: refuses at once when the service says no more today. */
async function checkLimits(
  agent: AtpAgent,
  service: string,
  host: string,
  bytes: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const { data } = await agent.com.atproto.server.getServiceAuth({
    aud: VIDEO_SERVICE_DID,
    lxm: 'app.bsky.video.getUploadLimits',
  });
  const answer = await send(
    new URL('/xrpc/app.bsky.video.getUploadLimits', service).toString(),
    { headers: { Authorization: `Bearer ${data.token}` }, ...(signal && { signal }) },
    host,
  );
  // Limits that cannot be read are the upload's to find out; they only let Crosswind say why early.
  if (!answer.ok) return;
  const limits = answer.json as {
    canUpload?: unknown;
    remainingDailyVideos?: unknown;
    remainingDailyBytes?: unknown;
    message?: unknown;
  };
  const noMore =
    limits.canUpload === false ||
    limits.remainingDailyVideos === 0 ||
    (typeof limits.remainingDailyBytes === 'number' && limits.remainingDailyBytes < bytes);
  if (noMore) {
    const said = typeof limits.message === 'string' ? limits.message.slice(0, 300) : '';
    throw new CrosswindError('rate-limit', words('video.dailyLimit', { host, message: said }), {
      retryable: false,
    });
  }
}

async function untilProcessed(
  service: string,
  host: string,
  jobId: string,
  upload: VideoUpload,
  options: VideoUploadOptions,
): Promise<UploadedMedia> {
  const started = Date.now();
  const total = upload.file.size;
  for (;;) {
    const url = new URL('/xrpc/app.bsky.video.getJobStatus', service);
    url.search = new URLSearchParams({ jobId }).toString();
    const answer = await send(
      url.toString(),
      options.signal ? { signal: options.signal } : {},
      host,
    );
    const job = jobOf(answer);
    // The blob is what counts, whatever the state says ("already_exists" comes with one).
    const blob = blobOf(job?.blob);
    if (blob) return uploaded(upload, blob);
    if (!answer.ok && !job?.state) throw xrpcFailure(answer, host);
    if (job?.state === 'JOB_STATE_FAILED') {
      const said = job.message ?? job.error ?? '';
      throw new CrosswindError(
        'validation',
        words('video.serviceFailed', { host, message: said.slice(0, 300) }),
        {
          retryable: false,
        },
      );
    }
    await options.report({
      stage: 'processing',
      sentBytes: total,
      totalBytes: total,
      processingId: jobId,
      ...(typeof job?.progress === 'number' && { processingPercent: Math.round(job.progress) }),
    });
    if (Date.now() - started > PROCESSING_LIMIT_MS) {
      throw new CrosswindError(
        'server',
        words('video.stillProcessing', { host, minutes: Math.round(PROCESSING_LIMIT_MS / 60_000) }),
        { retryable: true },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, LOOK_EVERY_MS));
    options.signal?.throwIfAborted();
  }
}
