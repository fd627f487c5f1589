import { detectAtprotoLinks } from './atproto-links';
import { countGraphemes, utf8Length } from './graphemes';
import { toShortUrl } from './short-url';

/** app.bsky.feed.post#text maxGraphemes. */
export const BLUESKY_MAX_GRAPHEMES = 300;
/** app.bsky.feed.post#text maxLength, which atproto lexicons measure in UTF-8 bytes. */
export const BLUESKY_MAX_BYTES = 3000;

/** A link facet's range in UTF-8 bytes (byteStart inclusive, byteEnd exclusive) and its target. */
export interface BlueskyLink {
  byteStart: number;
  byteEnd: number;
  uri: string;
}

/** Links shortened as the Bluesky app does, each with its byte range in the new text. */
// social-app's shortenLinks (src/lib/strings/rich-text-manip.ts) over detectFacets' link facets;
// the ranges are ready for app.bsky.richtext.facet#link.
export function shortenBlueskyLinks(text: string): { text: string; links: BlueskyLink[] } {
  const links: BlueskyLink[] = [];
  let shortened = '';
  let bytes = 0;
  let from = 0;
  for (const link of detectAtprotoLinks(text)) {
    const before = text.slice(from, link.start);
    const label = toShortUrl(text.slice(link.start, link.end));
    const byteStart = bytes + utf8Length(before);
    const byteEnd = byteStart + utf8Length(label);
    links.push({ byteStart, byteEnd, uri: link.uri });
    shortened += before + label;
    bytes = byteEnd;
    from = link.end;
  }
  return { text: shortened + text.slice(from), links };
}

/** Graphemes and UTF-8 bytes of the text as it will be posted, that is with links shortened. */
export function countBluesky(text: string): { graphemes: number; bytes: number } {
  const posted = shortenBlueskyLinks(text).text;
  return { graphemes: countGraphemes(posted), bytes: utf8Length(posted) };
}
