import { detectAtprotoLinks } from './atproto-links';
import { graphemeSegmenter, utf8Length } from './graphemes';

/** Threads' documented cap on links per post. */
export const THREADS_MAX_LINKS = 5;

// Emoji as a reader sees one: a pictograph drawn as emoji, a flag, or a keycap.
const EMOJI =
  /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Regional_Indicator}|\u20E3/u;

/** Threads' length: one per grapheme cluster, an emoji counting its UTF-8 bytes. */
// Meta documents "Text posts are limited to 500 characters. Emojis are counted as the number of
// UTF-8 bytes" (developers.facebook.com/documentation/threads/posts); the rest is undocumented.
export function countThreads(text: string): number {
  let count = 0;
  for (const { segment } of graphemeSegmenter().segment(text)) {
    count += EMOJI.test(segment) ? utf8Length(segment) : 1;
  }
  return count;
}

/** Distinct links in the text, bare domains included, as Threads counts them against its cap. */
// Meta: "All unique URLs found in the text field are counted as links", www.facebook.com included.
// Threads' own detector is not public; atproto's (a scheme, or a known TLD) stands in for it.
export function countThreadsLinks(text: string): number {
  return new Set(detectAtprotoLinks(text).map((link) => link.uri)).size;
}
