// The constants PeerTube serves under /api/v1/videos/{categories,languages,privacies}
// (server/core/initializers/constants.ts): ids with English labels.

export const CATEGORIES: Record<string, string> = {
  '1': 'Music',
  '2': 'Films',
  '3': 'Vehicles',
  '4': 'Art',
  '5': 'Sports',
  '6': 'Travels',
  '7': 'Gaming',
  '8': 'People',
  '9': 'Comedy',
  '10': 'Entertainment',
  '11': 'News & Politics',
  '12': 'How To',
  '13': 'Education',
  '14': 'Activism',
  '15': 'Science & Technology',
  '16': 'Animals',
  '17': 'Kids',
  '18': 'Food',
};

/** A part of PeerTube's ISO 639 list; the real one has about 180 entries. */
export const LANGUAGES: Record<string, string> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  ja: 'Japanese',
  it: 'Italian',
  nl: 'Dutch',
  pt: 'Portuguese',
};

export const PRIVACIES: Record<string, string> = {
  '1': 'Public',
  '2': 'Unlisted',
  '3': 'Private',
  '4': 'Internal',
  '5': 'Password protected',
};

/** PeerTube's default `video.file.extensions` without the "additional extensions" switch. */
export const DEFAULT_EXTENSIONS = ['.mp4', '.ogv', '.webm', '.ogg'];

/** The video states an upload goes through (VideoState in peertube-models, VIDEO_STATES labels). */
export const STATE_LABELS = { 1: 'Published', 2: 'To transcode', 7: 'Transcoding failed' } as const;

/** Limits PeerTube's validators enforce (CONSTRAINTS_FIELDS.VIDEOS). */
export const LIMITS = {
  name: { min: 3, max: 120 },
  description: { min: 3, max: 10_000 },
  tags: { max: 5 },
  tag: { min: 2, max: 30 },
  nsfwSummary: { min: 3, max: 250 },
};

/**
 * A length as validator.js's `isLength` counts it, which PeerTube's validators use: UTF-16 units,
 * less surrogate pairs and emoji presentation selectors (U+FE0E, U+FE0F).
 */
export function validatorLength(text: string): number {
  const selectors = text.match(/[\uFE0E\uFE0F]/g)?.length ?? 0;
  const pairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0;
  return text.length - selectors - pairs;
}
