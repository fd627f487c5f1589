import { words } from '@/utils/i18n/wording';
import {
  CrosswindError,
  incompleteAnswer,
  rateLimited,
  retryAtFromHeaders,
  serverTrouble,
  unreadableAnswer,
  webPageInstead,
} from '@/utils/errors';
import { fetchFailure, readBody, withTimeout, type HttpAnswer } from '../fetch-json';
import { hostOf } from '../host';
import type { Account, UploadedMedia, VideoUpload, VideoUploadOptions } from '../types';
import { uploadTimeoutMs } from '../upload-timeout';
import { withAccessToken, type AccessToken } from './access';
import { sleep } from '@/utils/sleep';

/** How long a server may process a clip before Crosswind stops asking (and tries again later). */
export const VIDEO_PROCESSING_LIMIT_MS = 15 * 60_000;
const FIRST_LOOK_MS = 1_000;
const SLOWEST_LOOK_MS = 5_000;

/**
 * A clip to a Mastodon-API server, to the letter of Mastodon's media API: `POST /api/v2/media`
 * (multipart `file` and `description`) answers 202 with `url: null` while the server transcodes,
 * then `GET /api/v1/media/:id` answers 206 until it is processed and 200 once it can be attached
 * (422 when processing failed, 404 once an unattached upload was cleaned up). The media id is
 * recorded as soon as the server gives it, so a stopped worker asks about that upload again
 * instead of sending the file twice.
 */
export function uploadMastodonVideo(
  account: Account,
  { file, video }: VideoUpload,
  options: VideoUploadOptions,
): Promise<UploadedMedia> {
  const host = hostOf(account.server);
  const total = file.size;
  return withAccessToken(
    account,
    async (access) => {
      let id = options.resume?.processingId;
      if (id && (await look(access, id, host, options.signal)) === 'gone') id = undefined;
      if (!id) {
        await options.report({ stage: 'uploading', sentBytes: 0, totalBytes: total });
        id = await send(access, file, video.name, video.alt, host, options.signal);
        await options.report({
          stage: 'processing',
          sentBytes: total,
          totalBytes: total,
          processingId: id,
        });
      }
      await untilProcessed(access, id, host, options);
      return { id, alt: video.alt, width: video.width, height: video.height };
    },
    (error) => error instanceof CrosswindError && error.status === 401,
  );
}

/** Sends the file; answers the media id (processed or not: the caller looks either way). */
async function send(
  access: AccessToken,
  file: Blob,
  name: string,
  description: string,
  host: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  const form = new FormData();
  // The Blob goes as it is stored: the browser streams it from disk, it is not copied in memory.
  form.append('file', file, name);
  if (description) form.append('description', description);
  const answer = await request(access, '/api/v2/media', host, signal, {
    method: 'POST',
    body: form,
    timeoutMs: uploadTimeoutMs(file.size),
  });
  if (answer.status !== 200 && answer.status !== 202) throw refusal(answer, host);
  const id = idOf(answer.json);
  if (!id) throw incompleteAnswer(host, words('errors.missing.videoId'));
  return id;
}

/** One look at an upload: ready to attach, still processing, or no longer there. */
async function look(
  access: AccessToken,
  id: string,
  host: string,
  signal: AbortSignal | undefined,
): Promise<'ready' | 'processing' | 'gone'> {
  const answer = await request(access, `/api/v1/media/${encodeURIComponent(id)}`, host, signal);
  if (answer.status === 200) return 'ready';
  if (answer.status === 206) return 'processing';
  if (answer.status === 404) return 'gone';
  if (answer.status === 422) {
    throw new CrosswindError('validation', words('video.processingFailed', { host }), {
      status: 422,
      retryable: false,
    });
  }
  throw refusal(answer, host);
}

/** Looks again, less and less often, until the server has processed the clip. */
async function untilProcessed(
  access: AccessToken,
  id: string,
  host: string,
  options: VideoUploadOptions,
): Promise<void> {
  const started = Date.now();
  let wait = FIRST_LOOK_MS;
  for (;;) {
    const state = await look(access, id, host, options.signal);
    if (state === 'ready') return;
    if (state === 'gone') {
      throw new CrosswindError('server', words('video.uploadGone', { host }), { retryable: true });
    }
    if (Date.now() - started > VIDEO_PROCESSING_LIMIT_MS) {
      const minutes = Math.round(VIDEO_PROCESSING_LIMIT_MS / 60_000);
      throw new CrosswindError('server', words('video.stillProcessing', { host, minutes }), {
        retryable: true,
      });
    }
    await sleep(wait, options.signal);
    wait = Math.min(SLOWEST_LOOK_MS, wait * 1.5);
  }
}

async function request(
  access: AccessToken,
  path: string,
  host: string,
  signal: AbortSignal | undefined,
  init: { method?: string; body?: BodyInit; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  try {
    const response = await fetch(`${access.origin}${path}`, {
      method: init.method ?? 'GET',
      headers: { Accept: 'application/json', Authorization: `Bearer ${access.token}` },
      ...(init.body && { body: init.body }),
      signal: withTimeout(signal, init.timeoutMs),
    });
    return readBody(response, await response.text());
  } catch (error) {
    throw fetchFailure(error, host);
  }
}

/** What a failed answer means, in words: refused (with the server's reason), signed out, busy. */
function refusal(answer: HttpAnswer, host: string): CrosswindError {
  const { status } = answer;
  if (status === 401 || status === 403) {
    return new CrosswindError('auth', words('mastodon.accessEnded', { host }), { status });
  }
  if (answer.isWebPage) return webPageInstead(host, status);
  if (status === 429) return rateLimited(host, retryAtFromHeaders(answer.headers));
  if (status >= 500) return serverTrouble(host, status);
  if (status === 413) {
    return new CrosswindError('validation', words('video.refusedTooLarge', { host }), { status });
  }
  const said = errorOf(answer.json);
  if (status === 422 && said) {
    const reason = said.replace(/^Validation failed:\s*/i, '');
    return new CrosswindError('validation', words('video.refused', { host, reason }), { status });
  }
  return unreadableAnswer(host, status);
}

function idOf(body: unknown): string | undefined {
  const id = typeof body === 'object' && body !== null ? (body as { id?: unknown }).id : undefined;
  return typeof id === 'string' && /^[\w-]{1,64}$/.test(id) ? id : undefined;
}

function errorOf(body: unknown): string | undefined {
  const said =
    typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return typeof said === 'string' ? said.slice(0, 300) : undefined;
}
