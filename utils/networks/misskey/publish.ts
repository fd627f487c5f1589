import type {
  OutgoingPost,
  PreparedUpload,
  PublishOptions,
  PublishedPost,
  UploadedMedia,
} from '../types';
import type { CallOptions, MisskeyClient, NoteParams } from './client';
import { memorySlot } from '../checkpoint';
import { createNoteOnce } from './lookup';
import { toMisskeyVisibility } from './visibility';

// Crosswind's post in Misskey's terms, and the exactly-once rule: Misskey has no idempotency key,
// so the moment of each send is recorded in the job before it goes (`createNoteOnce`), and a retry
// looks for the note that send made before posting again.

/**
 * When a key made by versions that kept no checkpoint was made (the moment in base 36, a dash, a
 * UUID); undefined for any other key. Such a job, still unfinished, looks from that moment.
 */
export function legacyKeyMadeAt(key: string): number | undefined {
  const match = /^([0-9a-z]{8,9})-[0-9a-f-]{36}$/.exec(key);
  if (!match?.[1]) return undefined;
  const at = Number.parseInt(match[1], 36);
  return Number.isSafeInteger(at) ? at : undefined;
}

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
  const legacyStartedAt = options.isRetry ? legacyKeyMadeAt(options.idempotencyKey) : undefined;
  const { note } = await createNoteOnce(
    client,
    params,
    {
      userId,
      // Kept in memory when the caller gave no job to keep it in (tests, one-offs).
      checkpoint: options.checkpoint ?? memorySlot(),
      ...(legacyStartedAt !== undefined && { legacyStartedAt }),
    },
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
