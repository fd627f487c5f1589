import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CATEGORIES, DEFAULT_EXTENSIONS, LANGUAGES, LIMITS, validatorLength } from './constants';
import { newVideoIds, uploadIdFor } from './ids';
import { invalidParam, json, ProblemError } from './problem';
import { channelsOf, quotaUsed, type Runtime } from './runtime';
import type { PrivacyId, UploadRecord, UserRecord, VideoRecord } from './types';

// The resumable upload as PeerTube runs it: node-uploadx's protocol (POST to create a session,
// PUT chunks with Content-Range, 308 + Range while incomplete, `bytes */size` to ask how far it
// got) behind PeerTube's validators, which check the metadata when the session is created and
// make the video when the last byte arrives. A repeated final PUT answers the same video again.

/** A test server keeps uploads in memory; past this it refuses them as nginx would. */
const MEMORY_CAP = 512 * 1024 * 1024;

const PATH = '/api/v1/videos/upload-resumable';

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalidParam(name, value);
  return value;
}

function optionalInt(body: Record<string, unknown>, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number)) throw invalidParam(name, value);
  return number;
}

/** What PeerTube's init validator checks, in its order. */
function validateMetadata(rt: Runtime, user: UserRecord, body: Record<string, unknown>) {
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  const nameLength = validatorLength(name);
  if (nameLength < LIMITS.name.min || nameLength > LIMITS.name.max) {
    throw invalidParam(
      'name',
      body.name,
      `Should have a video name between ${LIMITS.name.min} and ${LIMITS.name.max} characters long`,
    );
  }
  const filename = optionalString(body, 'filename');
  if (!filename) throw invalidParam('filename', body.filename);
  const channelId = optionalInt(body, 'channelId');
  if (channelId === undefined || channelId < 1) throw invalidParam('channelId', body.channelId);
  const privacy = optionalInt(body, 'privacy') ?? 1;
  if (privacy < 1 || privacy > 5) throw invalidParam('privacy', body.privacy);
  const category = optionalInt(body, 'category');
  if (category !== undefined && !CATEGORIES[String(category)])
    throw invalidParam('category', body.category);
  const language = optionalString(body, 'language');
  if (language !== undefined && !LANGUAGES[language]) throw invalidParam('language', body.language);
  const description = optionalString(body, 'description');
  if (
    description !== undefined &&
    (validatorLength(description) < LIMITS.description.min ||
      validatorLength(description) > LIMITS.description.max)
  ) {
    throw invalidParam('description', body.description);
  }
  const tags = body.tags ?? [];
  if (
    !Array.isArray(tags) ||
    tags.length > LIMITS.tags.max ||
    tags.some(
      (tag) =>
        typeof tag !== 'string' ||
        validatorLength(tag) < LIMITS.tag.min ||
        validatorLength(tag) > LIMITS.tag.max,
    )
  ) {
    throw invalidParam(
      'tags',
      body.tags,
      `Should have an array of up to ${LIMITS.tags.max} tags between ${LIMITS.tag.min} and ${LIMITS.tag.max} characters each`,
    );
  }
  if (body.nsfw !== undefined && typeof body.nsfw !== 'boolean')
    throw invalidParam('nsfw', body.nsfw);
  const nsfwSummary = optionalString(body, 'nsfwSummary');
  if (
    nsfwSummary !== undefined &&
    (validatorLength(nsfwSummary) < LIMITS.nsfwSummary.min ||
      validatorLength(nsfwSummary) > LIMITS.nsfwSummary.max)
  ) {
    throw invalidParam('nsfwSummary', body.nsfwSummary);
  }
  // areErrorsInNSFW, once the fields are valid.
  if (nsfwSummary !== undefined && body.nsfw !== true) {
    throw new ProblemError(400, 'Cannot set nsfwSummary if the video is not NSFW');
  }
  if (!channelsOf(rt, user.id).some((channel) => channel.id === channelId)) {
    throw new ProblemError(400, 'Unknown video "video channel" for this account.');
  }
  return {
    name,
    filename,
    channelId,
    privacy: privacy as PrivacyId,
    category,
    language,
    description,
    tags: tags as string[],
    nsfw: body.nsfw === true,
    nsfwSummary,
  };
}

/** `POST /api/v1/videos/upload-resumable`: validates, then opens (or finds again) the session. */
export function initUpload(
  rt: Runtime,
  user: UserRecord,
  headers: { length: string | undefined; type: string | undefined },
  body: Record<string, unknown>,
): Response {
  const meta = validateMetadata(rt, user, body);
  const size = Number(headers.length);
  if (headers.length === undefined || !Number.isFinite(size) || size < 0) {
    throw new ProblemError(
      400,
      'Incorrect request parameters: x-upload-content-length',
      undefined,
      {},
      {
        'invalid-params': {
          'x-upload-content-length': { location: 'headers', msg: 'Should specify the file length' },
        },
      },
    );
  }
  if (!headers.type) {
    throw new ProblemError(
      400,
      'Incorrect request parameters: x-upload-content-type',
      undefined,
      {},
      {
        'invalid-params': {
          'x-upload-content-type': { location: 'headers', msg: 'Should specify the file mimetype' },
        },
      },
    );
  }
  const extensions = rt.options.extensions.length ? rt.options.extensions : DEFAULT_EXTENSIONS;
  const dot = meta.filename.lastIndexOf('.');
  const extension = dot >= 0 ? meta.filename.slice(dot).toLowerCase() : '';
  if (!extensions.includes(extension)) {
    throw new ProblemError(
      415,
      `This file is not supported. Please, make sure it is of the following type: ${extensions.join(', ')}`,
    );
  }
  if ((rt.options.maxFileSize >= 0 && size > rt.options.maxFileSize) || size > MEMORY_CAP) {
    throw new ProblemError(413, 'The video is too big.', 'max_file_size_reached');
  }
  if (user.videoQuota >= 0 && quotaUsed(rt, user.id) + size > user.videoQuota) {
    throw new ProblemError(
      413,
      'The user video quota is exceeded with this video.',
      'quota_reached',
    );
  }
  const id = uploadIdFor({
    name: meta.name,
    size,
    lastModified: body.lastModified,
    userId: user.id,
  });
  let upload = rt.state.uploads.get(id);
  if (!upload || upload.videoId !== undefined) {
    // A finished session's file is gone from disk; its answer stays cached for a repeated PUT.
    upload = {
      id,
      userId: user.id,
      size,
      mimeType: headers.type,
      metadata: { ...body },
      data: Buffer.alloc(size),
      bytesWritten: 0,
      createdAt: Date.now(),
      ...(upload?.videoId !== undefined && { videoId: upload.videoId }),
    };
    rt.state.uploads.set(id, upload);
  }
  // node-uploadx: 200 when bytes were already written for this session, 201 for a new one.
  return new Response(null, {
    status: upload.bytesWritten > 0 ? 200 : 201,
    headers: { location: `//${rt.host}${PATH}?upload_id=${id}`, 'content-length': '0' },
  });
}

// `bytes 0-99/1000` gives start 0; the status question `bytes */1000` gives NaN.
function parseContentRange(header: string | undefined): { start: number; total: number } {
  const parts = (header ?? '').split(/\s+|\//);
  return { start: Number.parseInt(parts[1] ?? '', 10), total: Number.parseInt(parts[2] ?? '', 10) };
}

/** uploadx's Range header for a partial upload; it says `bytes=0--1` while nothing is written. */
function resumeIncomplete(upload: UploadRecord): Response {
  return new Response(null, {
    status: 308,
    headers: { range: `bytes=0-${upload.bytesWritten - 1}`, 'content-length': '0' },
  });
}

function videoAnswer(video: VideoRecord, cached: boolean): Response {
  return json(
    { video: { id: video.id, uuid: video.uuid, shortUUID: video.shortUUID } },
    200,
    cached ? { 'x-resumable-upload-cached': 'true' } : {},
  );
}

function createVideo(rt: Runtime, upload: UploadRecord): VideoRecord {
  const meta = upload.metadata;
  const now = Date.now();
  const language = typeof meta.language === 'string' ? meta.language : null;
  const video: VideoRecord = {
    id: rt.state.videos.length + 1,
    ...newVideoIds(),
    name: String(meta.name).trim(),
    description: typeof meta.description === 'string' ? meta.description : null,
    channelId: Number(meta.channelId),
    userId: upload.userId,
    privacy: (Number(meta.privacy ?? 1) || 1) as PrivacyId,
    category: meta.category === undefined || meta.category === null ? null : Number(meta.category),
    language,
    tags: Array.isArray(meta.tags) ? (meta.tags as string[]) : [],
    nsfw: meta.nsfw === true,
    nsfwSummary: typeof meta.nsfwSummary === 'string' ? meta.nsfwSummary : null,
    filename: String(meta.filename),
    size: upload.size,
    sha256: createHash('sha256').update(upload.data).digest('hex'),
    uploadId: upload.id,
    transcodedAt: now + rt.options.transcodeMs,
    transcoding: rt.faults.takeTranscoding(),
    createdAt: now,
    deleted: false,
  };
  rt.state.videos.push(video);
  return video;
}

/** What the PUT handler needs of the request. */
export interface PutRequest {
  uploadId: string | undefined;
  contentRange: string | undefined;
  contentLength: string | undefined;
  incoming: IncomingMessage;
}

/** Reads the body into the session at `start`; resolves with the bytes taken and whether it was cut. */
function receive(
  incoming: IncomingMessage,
  upload: UploadRecord,
  start: number,
  cutAfter: number | undefined,
): Promise<{ received: number; cut: boolean }> {
  return new Promise((resolve) => {
    let received = 0;
    let settled = false;
    const finish = (cut: boolean) => {
      if (settled) return;
      settled = true;
      resolve({ received, cut });
    };
    incoming.on('data', (chunk: Buffer) => {
      if (settled) return;
      let piece = chunk;
      if (cutAfter !== undefined && received + piece.length >= cutAfter) {
        piece = piece.subarray(0, cutAfter - received);
      }
      const room = upload.size - (start + received);
      piece.copy(upload.data, start + received, 0, Math.max(0, Math.min(piece.length, room)));
      received += piece.length;
      if (cutAfter !== undefined && received >= cutAfter) {
        // The connection dies mid-chunk; what arrived is on disk, as with a real server.
        incoming.socket.destroy();
        finish(true);
      }
    });
    incoming.on('end', () => finish(false));
    incoming.on('aborted', () => finish(true));
    incoming.on('error', () => finish(true));
    incoming.on('close', () => finish(!incoming.complete));
  });
}

/** `PUT /api/v1/videos/upload-resumable?upload_id=…`: one chunk, or the status question. */
export async function putChunk(
  rt: Runtime,
  user: UserRecord,
  request: PutRequest,
): Promise<Response | 'cut'> {
  const upload = request.uploadId ? rt.state.uploads.get(request.uploadId) : undefined;
  if (!upload) {
    request.incoming.resume();
    throw new ProblemError(404, 'Upload not found');
  }
  if (upload.userId !== user.id) {
    request.incoming.resume();
    throw new ProblemError(403, 'Forbidden');
  }
  const done =
    upload.videoId === undefined
      ? undefined
      : rt.state.videos.find((video) => video.id === upload.videoId);
  if (done && !done.deleted) {
    request.incoming.resume();
    return videoAnswer(done, true);
  }
  const { start } = parseContentRange(request.contentRange);
  if (Number.isNaN(start)) {
    request.incoming.resume();
    return resumeIncomplete(upload);
  }
  const length = Number(request.contentLength ?? 0);
  if (rt.options.maxChunkSize > 0 && length > rt.options.maxChunkSize) {
    // The proxy in front of the instance refuses the body before PeerTube sees it.
    request.incoming.resume();
    throw new ProblemError(413, 'Request Entity Too Large');
  }
  // uploadx refuses a chunk reaching past the declared size; a chunk starting past what was
  // written would leave a hole in the file, which this server refuses as well.
  if (start + length > upload.size || start > upload.bytesWritten) {
    request.incoming.resume();
    throw new ProblemError(409, 'File conflict');
  }
  const cutAfter = rt.faults.takeCut();
  const { received, cut } = await receive(request.incoming, upload, start, cutAfter);
  rt.state.ranges.push({ uploadId: upload.id, start, end: start + received, cut });
  upload.bytesWritten = start + received;
  if (cut) return 'cut';
  if (upload.bytesWritten < upload.size) return resumeIncomplete(upload);
  const video = createVideo(rt, upload);
  upload.videoId = video.id;
  // The file moves into the video; only the cached answer stays with the session.
  upload.data = Buffer.alloc(0);
  return videoAnswer(video, false);
}

/** `DELETE /api/v1/videos/upload-resumable?upload_id=…`: the session and its bytes go. */
export function cancelUpload(
  rt: Runtime,
  user: UserRecord,
  uploadId: string | undefined,
): Response {
  const upload = uploadId ? rt.state.uploads.get(uploadId) : undefined;
  if (!upload || upload.userId !== user.id) throw new ProblemError(404, 'Upload not found');
  rt.state.uploads.delete(upload.id);
  return new Response(null, { status: 204, headers: { 'content-length': '0' } });
}
