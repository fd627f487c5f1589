import type { AttachedVideo, OutgoingPost, Visibility } from '../types';
import type { PeerTubeSettings } from './settings';
import { videoTitle } from '../../compose/video-title';
import { validatorLength } from '../../text/validator-length';
import { PEERTUBE_TEXT, tagsOf, videoWords } from './text';

const PRIVACY: Record<Visibility, number | undefined> = {
  public: 1,
  unlisted: 2,
  private: 3,
  direct: undefined,
};

const EXTENSION: Record<string, string> = {
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'video/ogg': '.ogv',
  'video/quicktime': '.mov',
};

/** The file name PeerTube checks the extension of: the clip's own, with its real container's extension. */
export function filenameFor(video: Pick<AttachedVideo, 'name' | 'type'>): string {
  const extension = EXTENSION[video.type] ?? '.mp4';
  const base = video.name.replace(/\.[a-z0-9]{1,5}$/i, '').trim() || 'video';
  return `${base}${extension}`;
}

/** A stable number for uploadx's `lastModified`: the same clip asks for the same session again. */
export function sessionKeyOf(videoId: string): number {
  let hash = 0;
  for (const char of videoId) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return hash;
}

/**
 * What PeerTube's upload takes, from the post: title and description from the text (the clip's
 * name when the text has no usable first line), privacy from the visibility, the warning as `nsfw`
 * with its words as `nsfwSummary`, the hashtags as tags, and the account's channel and category.
 */
export function videoMetadata(
  post: OutgoingPost,
  video: AttachedVideo,
  settings: Pick<PeerTubeSettings, 'channelId' | 'category'>,
): Record<string, unknown> {
  const words = videoWords(post.text);
  const { title } = videoTitle(post.text, filenameFor(video), PEERTUBE_TEXT.title);
  const warning = summaryOf(post.spoilerText);
  const tags = tagsOf(post.text);
  const language = post.language?.toLowerCase();
  return {
    name: title,
    channelId: settings.channelId,
    filename: filenameFor(video),
    privacy: PRIVACY[post.visibility ?? 'public'] ?? 1,
    // Published only once transcoded, as PeerTube's own upload page does by default.
    waitTranscoding: true,
    lastModified: sessionKeyOf(video.id),
    ...(words.description && { description: words.description }),
    ...(settings.category !== undefined && { category: settings.category }),
    ...(language && /^[a-z]{2,3}$/.test(language) && { language }),
    ...(tags.length > 0 && { tags }),
    ...((post.sensitive || post.spoilerText?.trim()) && { nsfw: true }),
    ...(warning && { nsfwSummary: warning }),
  };
}

/**
 * The warning as PeerTube's `nsfwSummary`, which takes 3 to 250 characters: a shorter one marks
 * the video sensitive without a summary (the composer says so), a longer one is held back before
 * Post by the plan, and cut here only should it get this far.
 */
function summaryOf(warning: string | undefined): string | undefined {
  const text = warning?.trim();
  if (!text || validatorLength(text) < PEERTUBE_TEXT.nsfwSummary.min) return undefined;
  if (validatorLength(text) <= PEERTUBE_TEXT.nsfwSummary.max) return text;
  return [...text].slice(0, PEERTUBE_TEXT.nsfwSummary.max).join('');
}
