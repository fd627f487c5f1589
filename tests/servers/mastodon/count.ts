import { extractMentions, extractUrls, removeOverlapping, rewriteEntities } from './extractor';
import { isBlank } from './multipart';

// Mastodon's StatusLengthValidator, written here on its own: this server is the oracle the
// extension's counter is tested against, so it must not share that counter's code.

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
// Inside one of the browser's clusters, a letter right after a mark or a joiner is there only by
// rule GB9c (Indic conjuncts, Unicode 15.1): nothing else in UAX #29 joins a letter to a mark
// but the four letters that are themselves spacing or extending marks (Thai and Lao AM, the
// halfwidth kana voicing marks).
const CONJUNCT_JOIN = /(?<=[\p{M}\u200D])(?![\u0E33\u0EB3\uFF9E\uFF9F])\p{L}/gu;

/**
 * Grapheme clusters, as Ruby 3.4's `each_grapheme_cluster.size` counts them: Unicode 15.0's
 * rules, which do not have GB9c, so "क्ष" is two clusters where Intl.Segmenter sees one.
 */
export function graphemeLength(text: string): number {
  let count = 0;
  for (const { segment } of segmenter.segment(text)) {
    count += 1 + (segment.match(CONJUNCT_JOIN)?.length ?? 0);
  }
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
