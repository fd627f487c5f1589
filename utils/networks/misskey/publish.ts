import type {
  OutgoingPost,
  PreparedUpload,
  PublishOptions,
  PublishedPost,
  UploadedMedia,
} from '../types';
import type { CallOptions, MisskeyClient, NoteParams } from './client';
import { createNoteOnce } from './lookup';
import { toMisskeyVisibility } from './visibility';

// Crosswind's post in Misskey's terms, and the exactly-once rule: Misskey has no idempotency key,
// so the key Crosswind records before the first attempt carries the moment it was made; a retry
// looks for notes since then before posting again.

/** A key made before the first attempt: that moment in base 36, then a random part. */
export function newAttemptKey(now = Date.now()): string {
  return `${now.toString(36)}-${crypto.randomUUID()}`;
}

/** When the key was made; undefined for a key not made by newAttemptKey. */
export function keyMadeAt(key: string): number | undefined {
  const match = /^([0-9a-z]{8,9})-[0-9a-f-]{36}$/.exec(key);
  if (!match?.[1]) return undefined;
  const at = Number.parseInt(match[1], 36);
  return Number.isSafeInteger(at) ? at : undefined;
}

/** How far back a retry looks when the key does not say when the post was queued. */
const UNKNOWN_START_LOOKBACK_MS = 60 * 60_000;

/** notes/create's params for one post (one part of a thread). */
export function noteParams(post: OutgoingPost): NoteParams {
  const params: NoteParams = {
    text: post.text,
    visibility: toMisskeyVisibility(post.visibility),
  };
  if (post.spoilerText?.trim()) params.cw = post.spoilerText;
  if (post.media && post.media.length > 0) params.fileIds = post.media.map((item) => item.id);
  if (post.replyTo) params.replyId = post.replyTo.parent.id;
  if (post.localOnly) params.localOnly = true;
  return params;
}

/**
 * Posts one note exactly once. Images behind a content warning are marked sensitive first
 * (drive/files/update), so clients that show files apart from the note blur them too.
 */
export async function publishNote(
  client: MisskeyClient,
  userId: string,
  post: OutgoingPost,
  options: PublishOptions,
): Promise<PublishedPost> {
  const call: CallOptions = options.signal ? { signal: options.signal } : {};
  const params = noteParams(post);
  if (params.fileIds && (post.sensitive || params.cw)) {
    for (const fileId of params.fileIds) await client.markSensitive(fileId, true, call);
  }
  const startedAt = keyMadeAt(options.idempotencyKey) ?? Date.now() - UNKNOWN_START_LOOKBACK_MS;
  const { note } = await createNoteOnce(
    client,
    params,
    { userId, startedAt, isRetry: options.isRetry },
    call,
  );
  return { id: note.id, url: client.noteUrl(note.id) };
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/** Uploads one prepared image to the drive with its alt text (Misskey's `comment`). */
export async function uploadImage(
  client: MisskeyClient,
  image: PreparedUpload,
  options: CallOptions = {},
): Promise<UploadedMedia> {
  const extension = EXTENSIONS[image.blob.type] ?? 'bin';
  const file = await client.uploadFile(
    {
      blob: image.blob,
      name: `image.${extension}`,
      ...(image.alt && { comment: image.alt }),
    },
    options,
  );
  return { id: file.id, alt: image.alt, width: image.width, height: image.height };
}
