import { words } from '@/utils/i18n/wording';
import { CrosswindError, incompleteAnswer } from '@/utils/errors';
import type { HttpAnswer } from '../fetch-json';
import type { VideoTransfer } from '../types';
import type { PeerTubeApi } from './client';
import { uploadTimeoutMs } from '../upload-timeout';
import { peertubeError } from './errors';
import { FIRST_SLICE_BYTES, nextSliceBytes, sliceCeiling } from './slice-size';
import { sleep } from '@/utils/sleep';

// PeerTube's resumable upload (node-uploadx's protocol): a POST opens a session and answers its
// address; PUTs carry the file in slices with Content-Range and are answered 308 with the Range
// the server holds, until the last one, answered with the video. An empty PUT with
// `Content-Range: bytes */size` asks how far it got. The session's address and the confirmed
// offset are reported after every slice, so a stopped worker or a dropped connection continues
// where the server is, and the file is read a slice at a time, never whole: each slice is a
// `Blob.slice` of the stored clip, which the browser streams from its blob store to the socket.
// Slices grow on a fast link as PeerTube's web client's do (`slice-size.ts`).

const PATH = '/api/v1/videos/upload-resumable';

/** A dropped connection is asked about this many times before the attempt is given up. */
const RECOVERIES = 3;

/** What the server made of the upload. */
export interface UploadedVideo {
  id: number;
  uuid: string;
  shortUUID: string;
}

/** What the upload needs: the server, the file and the video's metadata. */
export interface ResumableUpload {
  api: PeerTubeApi;
  file: Blob;
  type: string;
  /** The JSON PeerTube's init takes: name, channelId, filename, privacy, description… */
  metadata: Record<string, unknown>;
  /** A fixed slice size (tests); without it slices start at 1 MiB and grow on a fast link. */
  chunkBytes?: number;
  /** The instance's `client.videos.resumableUpload.maxChunkSize` (0 or absent: none). */
  maxChunkBytes?: number;
}

export interface ResumableOptions {
  signal?: AbortSignal;
  resume?: VideoTransfer;
  report(transfer: VideoTransfer): Promise<void>;
}

type Status =
  { kind: 'offset'; offset: number } | { kind: 'done'; video: UploadedVideo } | { kind: 'gone' };

function videoIn(answer: HttpAnswer, host: string): UploadedVideo {
  const video = (answer.json as { video?: Record<string, unknown> } | undefined)?.video;
  const { id, uuid, shortUUID } = video ?? {};
  if (typeof id !== 'number' || typeof uuid !== 'string')
    throw incompleteAnswer(host, words('errors.missing.video'));
  return { id, uuid, shortUUID: typeof shortUUID === 'string' ? shortUUID : uuid };
}

/**
 * The offset after uploadx's `Range: bytes=0-N` (N + 1). Before the first byte it says
 * `bytes=0--1`. Undefined when the header cannot be read.
 */
export function offsetOf(range: string | null): number | undefined {
  const match = /^bytes=0-(-?\d+)$/.exec(range?.trim() ?? '');
  return match ? Number(match[1]) + 1 : undefined;
}

function isNetworkFailure(error: unknown): boolean {
  return error instanceof CrosswindError && error.kind === 'network';
}

/** Uploads (or continues uploading) a video; resolves once the server made it. */
export async function uploadResumable(
  upload: ResumableUpload,
  options: ResumableOptions,
): Promise<UploadedVideo> {
  const { api, file } = upload;
  const size = file.size;
  const ceiling = sliceCeiling(upload.maxChunkBytes);
  const fixed = upload.chunkBytes === undefined ? undefined : Math.max(1, upload.chunkBytes);
  let chunk = fixed ?? Math.min(FIRST_SLICE_BYTES, ceiling);
  const signal = options.signal;

  /** The empty PUT: how far the server got, or the video when it has all of it. */
  const ask = async (url: string, fallback: number): Promise<Status> => {
    const answer = await api.call(url, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes */${size}` },
      body: '',
      ...(signal && { signal }),
    });
    if (answer.status === 308)
      return { kind: 'offset', offset: offsetOf(answer.headers.get('range')) ?? fallback };
    if (answer.status === 200) return { kind: 'done', video: videoIn(answer, api.host) };
    if (answer.status === 404) return { kind: 'gone' };
    throw peertubeError(api.host, answer);
  };

  /** Asks again after a dropped connection, a little later each time. */
  const recover = async (url: string, fallback: number): Promise<Status> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await ask(url, fallback);
      } catch (error) {
        if (!isNetworkFailure(error) || attempt >= RECOVERIES) throw error;
        await sleep(500 * 2 ** attempt, signal);
      }
    }
  };

  const open = async (): Promise<{ url: string; existing: boolean }> => {
    const answer = await api.call(PATH, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'X-Upload-Content-Length': String(size),
        'X-Upload-Content-Type': upload.type,
      },
      body: JSON.stringify(upload.metadata),
      ...(signal && { signal }),
    });
    if (answer.status !== 201 && answer.status !== 200) throw peertubeError(api.host, answer);
    const location = answer.headers.get('location');
    if (!location) throw incompleteAnswer(api.host, words('errors.missing.uploadAddress'));
    return { url: api.resolve(location), existing: answer.status === 200 };
  };

  const report = (url: string, sentBytes: number) =>
    options.report({ stage: 'uploading', sentBytes, totalBytes: size, resumeUrl: url });

  let url: string | undefined;
  let offset = 0;
  let reopened = false;
  const resumeUrl = options.resume?.resumeUrl;
  if (resumeUrl) {
    // Whatever was recorded, the server knows best how far it got.
    const status = await recover(resumeUrl, options.resume?.sentBytes ?? 0);
    if (status.kind === 'done') return status.video;
    if (status.kind === 'offset') {
      url = resumeUrl;
      offset = status.offset;
      await report(url, offset);
    }
  }
  for (;;) {
    if (url === undefined) {
      const opened = await open();
      url = opened.url;
      offset = 0;
      if (opened.existing) {
        const status = await ask(url, 0);
        if (status.kind === 'done') return status.video;
        if (status.kind === 'offset') offset = status.offset;
      }
      // Recorded before any byte goes: a worker stopped from here on continues this session.
      await report(url, offset);
    }
    signal?.throwIfAborted();
    const end = Math.min(offset + chunk, size);
    const sentAt = Date.now();
    let answer: HttpAnswer;
    try {
      answer = await api.call(url, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Range': `bytes ${offset}-${end - 1}/${size}`,
        },
        body: file.slice(offset, end),
        timeoutMs: uploadTimeoutMs(end - offset),
        ...(signal && { signal }),
      });
    } catch (error) {
      if (!isNetworkFailure(error)) throw error;
      // A connection that failed under a large slice starts small again.
      chunk = fixed ?? Math.min(FIRST_SLICE_BYTES, ceiling);
      // The connection died mid-slice: the server kept what reached it; ask and go on from there.
      const status = await recover(url, offset);
      if (status.kind === 'done') return status.video;
      if (status.kind === 'gone') throw error;
      offset = status.offset;
      await report(url, offset);
      continue;
    }
    if (answer.status === 200) return videoIn(answer, api.host);
    if (answer.status === 308) {
      if (fixed === undefined) chunk = nextSliceBytes(chunk, Date.now() - sentAt, ceiling);
      offset = offsetOf(answer.headers.get('range')) ?? end;
      await report(url, offset);
      continue;
    }
    if (answer.status === 409) {
      // The slice did not match what the server holds: ask where it is.
      const status = await recover(url, offset);
      if (status.kind === 'done') return status.video;
      if (status.kind === 'gone') throw peertubeError(api.host, answer);
      if (status.offset === offset) throw peertubeError(api.host, answer);
      offset = status.offset;
      await report(url, offset);
      continue;
    }
    if (answer.status === 404 && !reopened) {
      // The session expired (an hour without a slice): start a new one.
      url = undefined;
      reopened = true;
      continue;
    }
    throw peertubeError(api.host, answer);
  }
}
