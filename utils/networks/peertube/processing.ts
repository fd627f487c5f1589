import { words } from '@/utils/i18n/wording';
import { CrosswindError, incompleteAnswer } from '@/utils/errors';
import type { VideoTransfer } from '../types';
import type { PeerTubeApi } from './client';
import { peertubeError } from './errors';

// Once the last byte is in, PeerTube makes the video and queues its transcoding: `state.id` of
// `GET /api/v1/videos/{id}` is 2 ("To transcode") until the job ends, then 1 ("Published"), or 7
// when transcoding failed (8 and 11 when moving its files failed). Other states (6 and 10, files
// moving to or from object storage; 9, studio edits) are still on the way to published.

/** PeerTube's `VideoState` values that end the wait. */
const PUBLISHED = 1;
const FAILED_STATES: ReadonlySet<number> = new Set([7, 8, 11]);

/** How often to look, and for how long, before the post counts as delivered without waiting on. */
export interface PublishWait {
  firstLookMs: number;
  slowestLookMs: number;
  /** A large clip on a small instance transcodes for long; past this the link is given anyway. */
  limitMs: number;
}

export const PUBLISH_WAIT: PublishWait = {
  firstLookMs: 2_000,
  slowestLookMs: 10_000,
  limitMs: 10 * 60_000,
};

/** The video as PeerTube holds it after the upload. */
export interface MadeVideo {
  uuid: string;
  shortUUID: string;
}

/** How the wait ended: published, still processing at the limit, or the video is gone. */
export type Publication =
  | { kind: 'published'; video: MadeVideo }
  | { kind: 'still-processing'; video: MadeVideo }
  | { kind: 'gone' };

type Look = { kind: 'gone' } | { kind: 'state'; state: number; video: MadeVideo };

async function look(api: PeerTubeApi, uuid: string, signal?: AbortSignal): Promise<Look> {
  const answer = await api.call(`/api/v1/videos/${encodeURIComponent(uuid)}`, {
    ...(signal && { signal }),
  });
  if (answer.status === 404) return { kind: 'gone' };
  if (!answer.ok) throw peertubeError(api.host, answer);
  const body = (answer.json ?? {}) as {
    shortUUID?: unknown;
    state?: { id?: unknown };
  };
  const state = body.state?.id;
  if (typeof state !== 'number') throw incompleteAnswer(api.host, words('errors.missing.data'));
  const shortUUID = typeof body.shortUUID === 'string' ? body.shortUUID : uuid;
  return { kind: 'state', state, video: { uuid, shortUUID } };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/**
 * Waits, looking less and less often, until PeerTube has published the video. Every look is
 * reported (the row says "PeerTube is processing the video…" and the attempt stays alive); the
 * video's uuid is the `processingId`, so a restarted worker waits for this video, not a new one.
 */
export async function untilPublished(
  api: PeerTubeApi,
  uuid: string,
  options: {
    totalBytes: number;
    report(transfer: VideoTransfer): Promise<void>;
    signal?: AbortSignal;
  },
  wait: PublishWait = PUBLISH_WAIT,
): Promise<Publication> {
  const started = Date.now();
  let pause = wait.firstLookMs;
  for (;;) {
    const seen = await look(api, uuid, options.signal);
    if (seen.kind === 'gone') return seen;
    if (seen.state === PUBLISHED) return { kind: 'published', video: seen.video };
    if (FAILED_STATES.has(seen.state)) {
      throw new CrosswindError('server', words('peertube.transcodingFailed', { host: api.host }), {
        retryable: false,
      });
    }
    if (Date.now() - started + pause > wait.limitMs) {
      return { kind: 'still-processing', video: seen.video };
    }
    await options.report({
      stage: 'processing',
      sentBytes: options.totalBytes,
      totalBytes: options.totalBytes,
      processingId: uuid,
    });
    await sleep(pause, options.signal);
    pause = Math.min(wait.slowestLookMs, Math.round(pause * 1.5));
  }
}
