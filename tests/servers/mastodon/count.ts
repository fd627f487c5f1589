import { extractMentions, extractUrls, removeOverlapping, rewriteEntities } from './extractor';
import { isBlank } from './multipart';

// Mastodon's StatusLengthValidator, written here on its own: this server is the oracle the
// extension's counter is tested against, so it must not share that counter's code.

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Grapheme clusters, as Ruby's `each_grapheme_cluster.size` counts them. */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
}

/**
 * `countable_text`: every URL becomes `urlLength` characters and every `@user@domain` mention
 * becomes `@user`; blank text counts as nothing.
 */
export function countableText(text: string, urlLength = 23): string {
  if (isBlank(text)) return '';
  const entities = removeOverlapping([...extractUrls(text), ...extractMentions(text)]);
  return rewriteEntities(text, entities, (entity) =>
    entity.url !== undefined
      ? 'x'.repeat(urlLength)
      : `@${(entity.screenName ?? '').split('@')[0]}`,
  );
}

/** The length Mastodon checks against `max_characters`: content warning and text together. */
export function statusLength(text: string, spoilerText = '', urlLength = 23): number {
  return graphemeLength(spoilerText + countableText(text, urlLength));
}
