import { createHash } from 'node:crypto';
import { rulesOf } from '../flavors';
import { authorize, requireUser } from '../auth';
import { mediaProcessed, serializeMedia } from '../entities';
import { json, jsonError, type Ctx, type Reply } from '../http';
import { hexName, snowflake } from '../ids';
import { imageDimensions, isAnimatedGif, sniffMimeType } from '../images';
import type { Params } from '../multipart';
import { route, type Route } from '../router';
import type { AccountRecord, MediaRecord, MediaType } from '../types';
import { MEDIA_LIMITS, SUPPORTED_MIME_TYPES } from './instance';
import { videoMetadata, type VideoMetadata } from '../video';
import { byId } from '../runtime';

const VIDEO_TYPES = ['video/webm', 'video/mp4', 'video/quicktime', 'video/ogg'];
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/heic': 'heic',
  'image/heif': 'heif',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'audio/mpeg': 'mp3',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
};

/** `set_type_and_extension`: video and audio by their types, everything else an image. */
function mediaType(mimeType: string, bytes: Buffer): MediaType {
  if (VIDEO_TYPES.includes(mimeType)) return 'video';
  if (SUPPORTED_MIME_TYPES.includes(mimeType) && !mimeType.startsWith('image/')) return 'audio';
  if (mimeType === 'image/gif' && isAnimatedGif(bytes)) return 'gifv';
  return mimeType.startsWith('image/') ? 'image' : 'unknown';
}

function mediaErrors(
  file: { mimeType: string; size: number; type: MediaType } | undefined,
  description: string | undefined,
  altTextLimit: number,
): string[] {
  const errors: string[] = [];
  if (file) {
    if (!SUPPORTED_MIME_TYPES.includes(file.mimeType)) {
      errors.push('File content type is invalid', 'File is invalid');
    }
    // At validation time a GIF is still an image, so the image limit applies to it.
    const larger = file.type === 'video' || file.type === 'audio';
    const limit = larger ? MEDIA_LIMITS.videoSize : MEDIA_LIMITS.imageSize;
    if (file.size >= limit) {
      const human = `${limit / (1024 * 1024)} MB`;
      errors.push(`File file size must be less than ${human}`, `File must be less than ${human}`);
    }
  }
  if (description !== undefined && [...description].length > altTextLimit) {
    errors.push(`Description is too long (maximum is ${altTextLimit} characters)`);
  }
  if (!file) errors.push("File can't be blank");
  return errors;
}

/** Mastodon::DimensionsValidationError's words for a clip over the server's video limits. */
function videoRefusal(movie: VideoMetadata): string | undefined {
  if (movie.width * movie.height > MEDIA_LIMITS.videoMatrix) {
    return `${movie.width}x${movie.height} videos are not supported`;
  }
  if (movie.frameRate !== null && movie.frameRate > MEDIA_LIMITS.videoFrameRate) {
    return `${Math.floor(movie.frameRate)}fps videos are not supported`;
  }
  return undefined;
}

function processingPolls(ctx: Ctx, type: MediaType): number {
  const polls = ctx.rt.options.mediaProcessingPolls;
  return type === 'video' || type === 'audio' || type === 'gifv' ? Math.max(1, polls) : polls;
}

/** Ruby's String#to_f: the leading number, or 0. */
function rubyToF(part: string | undefined): number {
  const match = /^\s*[+-]?(\d+(\.\d+)?|\.\d+)/.exec(part ?? '');
  return match ? Number.parseFloat(match[0]) : 0;
}

/** `focus=`: "x,y", each read as Ruby's to_f reads it. */
function parseFocus(text: string | undefined): MediaRecord['focus'] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const [x, y] = text.split(',');
  return { x: rubyToF(x), y: y === undefined ? null : rubyToF(y) };
}

async function createMedia(
  ctx: Ctx,
  account: AccountRecord,
  p: Params,
  delayed: boolean,
): Promise<Reply> {
  const sent = p.file('file');
  const description = p.string('description');
  let file:
    { mimeType: string; size: number; type: MediaType; bytes: Buffer; name: string } | undefined;
  if (sent) {
    const bytes = Buffer.from(await sent.arrayBuffer());
    const declared = (sent.type.split(';')[0] ?? '').trim().toLowerCase();
    const mimeType = sniffMimeType(bytes) ?? declared;
    file = {
      mimeType,
      size: bytes.length,
      type: mediaType(mimeType, bytes),
      bytes,
      name: sent.name,
    };
  }

  // Attachmentable#check_image_dimension raises before the validations run.
  const dimensions = file ? imageDimensions(file.bytes, file.mimeType) : undefined;
  if (file && dimensions) {
    const pixels = dimensions.width * dimensions.height;
    if (file.mimeType === 'image/gif' && pixels > MEDIA_LIMITS.gifMatrix) {
      return jsonError(422, `${dimensions.width}x${dimensions.height} GIF files are not supported`);
    }
    if (pixels > MEDIA_LIMITS.imageMatrix) {
      return jsonError(422, `${dimensions.width}x${dimensions.height} images are not supported`);
    }
  }
  // MediaAttachment#check_video_dimensions, as the file is assigned: before the validations.
  const movie = file?.type === 'video' ? videoMetadata(file.bytes, file.mimeType) : undefined;
  const refused = movie && videoRefusal(movie);
  if (refused) return jsonError(422, refused);
  const errors = mediaErrors(file, description, rulesOf(ctx.rt.options.flavor).altTextLimit);
  if (errors.length > 0 || !file) return jsonError(422, `Validation failed: ${errors.join(', ')}`);

  const media: MediaRecord = {
    id: snowflake(),
    accountId: account.id,
    type: file.type,
    mimeType: file.mimeType,
    fileName: hexName(),
    extension: EXTENSIONS[file.mimeType] ?? 'bin',
    bytes: file.bytes,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    size: file.size,
    width: dimensions?.width ?? movie?.width ?? null,
    height: dimensions?.height ?? movie?.height ?? null,
    ...(movie && { video: { frameRate: movie.frameRate, duration: movie.duration } }),
    description: description ?? null,
    focus: parseFocus(p.string('focus')) ?? null,
    statusId: null,
    scheduledStatusId: null,
    // Video, audio and GIFs are always transcoded later through /api/v2/media (`delay_processing?`
    // holds only for those larger formats): at least one look answers 206.
    pollsRemaining: delayed ? processingPolls(ctx, file.type) : 0,
    shortcode: hexName(),
    createdAt: new Date(),
  };
  ctx.rt.state.media.push(media);
  return json(mediaProcessed(media) ? 200 : 202, serializeMedia(ctx.rt, media));
}

async function uploadV2(ctx: Ctx): Promise<Reply> {
  const account = requireUser(ctx, authorize(ctx, ['write', 'write:media']));
  return createMedia(ctx, account, await ctx.params(), true);
}

async function uploadV1(ctx: Ctx): Promise<Reply> {
  const account = requireUser(ctx, authorize(ctx, ['write', 'write:media']));
  return createMedia(ctx, account, await ctx.params(), false);
}

/** `current_account.media_attachments.where(status_id: nil).find(id)`. */
function ownUnattached(ctx: Ctx, account: AccountRecord): MediaRecord | undefined {
  const media = byId(ctx.rt.state.media, ctx.match[0] ?? '');
  return media && media.accountId === account.id && media.statusId === null ? media : undefined;
}

/** 206 while processing (each look counts one step of it), then 200. */
function showMedia(ctx: Ctx): Reply {
  const account = requireUser(ctx, authorize(ctx, ['write', 'write:media']));
  const media = ownUnattached(ctx, account);
  if (!media) return jsonError(404, 'Record not found');
  if (!mediaProcessed(media)) {
    const reply = json(206, serializeMedia(ctx.rt, media));
    media.pollsRemaining -= 1;
    return reply;
  }
  return json(200, serializeMedia(ctx.rt, media));
}

async function updateMedia(ctx: Ctx): Promise<Reply> {
  const account = requireUser(ctx, authorize(ctx, ['write', 'write:media']));
  const media = ownUnattached(ctx, account);
  if (!media) return jsonError(404, 'Record not found');
  const p = await ctx.params();
  const description = p.string('description');
  const altTextLimit = rulesOf(ctx.rt.options.flavor).altTextLimit;
  if (description !== undefined && [...description].length > altTextLimit) {
    return jsonError(
      422,
      `Validation failed: Description is too long (maximum is ${altTextLimit} characters)`,
    );
  }
  if (description !== undefined) media.description = description;
  const focus = parseFocus(p.string('focus'));
  if (focus) media.focus = focus;
  return json(mediaProcessed(media) ? 200 : 206, serializeMedia(ctx.rt, media));
}

function deleteMedia(ctx: Ctx): Reply {
  const account = requireUser(ctx, authorize(ctx, ['write', 'write:media']));
  const media = byId(ctx.rt.state.media, ctx.match[0] ?? '');
  if (!media || media.accountId !== account.id) return jsonError(404, 'Record not found');
  if (media.statusId !== null) {
    return jsonError(422, 'Media attachment is currently used by a status');
  }
  ctx.rt.state.media.splice(ctx.rt.state.media.indexOf(media), 1);
  return json(200, {});
}

/** Uploading and managing media attachments. */
export const mediaRoutes: Route[] = [
  route('POST', '/api/v2/media', uploadV2),
  route('POST', '/api/v1/media', uploadV1),
  route('GET', '/api/v1/media/:id', showMedia),
  route('PUT', '/api/v1/media/:id', updateMedia),
  route('DELETE', '/api/v1/media/:id', deleteMedia),
];
