import { ATPROTO_TLDS } from './atproto-tlds';

/** A link as @atproto/api's detectFacets finds it; offsets are UTF-16 code units, end exclusive. */
export interface AtprotoLink {
  start: number;
  end: number;
  /** The facet URI: the link text, with https:// added when it had no scheme. */
  uri: string;
}

// URL_REGEX of @atproto/api 0.21.0 (packages/api/src/rich-text/util.ts), verbatim.
const URL_SOURCE =
  '(^|\\s|\\()((https?:\\/\\/[\\S]+)|((?<domain>[a-z][a-z0-9]*(\\.[a-z0-9]+)+)[\\S]*))';

/** atproto's isValidDomain: ends in `.tld` for a known TLD, compared case-sensitively. */
function isValidDomain(domain: string): boolean {
  const dot = domain.lastIndexOf('.');
  return dot > 0 && ATPROTO_TLDS.has(domain.slice(dot + 1));
}

/** The links detectFacets (packages/api/src/rich-text/detection.ts) turns into link facets. */
export function detectAtprotoLinks(text: string): AtprotoLink[] {
  const links: AtprotoLink[] = [];
  for (const match of text.matchAll(new RegExp(URL_SOURCE, 'gim'))) {
    const found = match[2] ?? '';
    let uri = found;
    if (!uri.startsWith('http')) {
      const domain = match.groups?.['domain'];
      if (!domain || !isValidDomain(domain)) continue;
      uri = `https://${uri}`;
    }
    const start = text.indexOf(found, match.index);
    let end = start + found.length;
    // detectFacets strips one trailing [.,;:!?] and then one unbalanced `)`, no more.
    if (/[.,;:!?]$/.test(uri)) {
      uri = uri.slice(0, -1);
      end--;
    }
    if (/[)]$/.test(uri) && !uri.includes('(')) {
      uri = uri.slice(0, -1);
      end--;
    }
    links.push({ start, end, uri });
  }
  return links;
}

// Where `firstAtprotoLink` starts looking, and how much more each further look takes.
const FIRST_LOOK = 2048;
const LOOK_GROWTH = 4;

/**
 * The first link `detectAtprotoLinks` finds, reading no more of a long text than it needs: a
 * 200 kB text with a link near its top costs a few kB of scanning per keystroke, not all of it.
 */
export function firstAtprotoLink(text: string): AtprotoLink | undefined {
  for (let size = FIRST_LOOK; ; size *= LOOK_GROWTH) {
    const complete = size >= text.length;
    const seen = complete ? text : text.slice(0, size);
    const link = detectAtprotoLinks(seen)[0];
    // A link reaching the end of what was read may go on past it (at most two trailing
    // characters are stripped), so only one ending before that is sure to be whole.
    if (link && (complete || link.end + 2 < seen.length)) return link;
    if (complete) return undefined;
  }
}
