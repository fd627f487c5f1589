import { cutTitle, firstLine } from '../../compose/video-title';
import type { TextMeasure } from '../../text/limits';
import { validatorLength } from '../../text/validator-length';
import type { AccountLimits } from '../types';

/** PeerTube's limits on a video's words (CONSTRAINTS_FIELDS.VIDEOS). */
export const PEERTUBE_TEXT = {
  title: { min: 3, max: 120 },
  description: { min: 3, max: 10_000 },
  tags: { max: 5, min: 2, maxLength: 30 },
  /** The warning shown before a sensitive video (`NSFW_SUMMARY`, `isNSFWSummaryValid`). */
  nsfwSummary: { min: 3, max: 250 },
} as const;

/** A video's title and description, as a post's text becomes them. */
export interface VideoWords {
  /** The first line, cut at a word to 120 characters; empty when there is no usable line. */
  title: string;
  /** The rest, when it has at least 3 characters (PeerTube refuses shorter ones). */
  description?: string;
}

/**
 * Title from the first line (3–120 characters), description from the rest. A first line too long
 * for a title is cut at a word and given whole to the description too, so nothing written is lost.
 */
export function videoWords(text: string): VideoWords {
  const first = firstLine(text);
  const rest = text.trim().split('\n').slice(1).join('\n').trim();
  const title = cutTitle(first, PEERTUBE_TEXT.title.max);
  const cut = title !== first;
  const description = cut ? [first, rest].filter(Boolean).join('\n\n') : rest;
  return {
    title: validatorLength(title) >= PEERTUBE_TEXT.title.min ? title : '',
    ...(validatorLength(description) >= PEERTUBE_TEXT.description.min && { description }),
  };
}

/** The post's hashtags as PeerTube tags: at most 5, 2–30 characters each, without repeats. */
export function tagsOf(text: string): string[] {
  const tags: string[] = [];
  for (const match of text.matchAll(/(?:^|[^\p{L}\p{N}_#])#([\p{L}\p{N}_]+)/gu)) {
    const tag = match[1] ?? '';
    const length = [...tag].length;
    if (length < PEERTUBE_TEXT.tags.min || length > PEERTUBE_TEXT.tags.maxLength) continue;
    if (tags.some((known) => known.toLowerCase() === tag.toLowerCase())) continue;
    tags.push(tag);
    if (tags.length === PEERTUBE_TEXT.tags.max) break;
  }
  return tags;
}

/** Counts what PeerTube limits: the description (the title is cut, never refused). */
export function measureVideoText(text: string, limits: AccountLimits): TextMeasure {
  const { description = '' } = videoWords(text);
  const used = validatorLength(description);
  const limit = limits.maxCharacters;
  return { used, limit, remaining: limit - used, over: used > limit, unit: 'characters' };
}
