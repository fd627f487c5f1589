import { graphemeSegmenter } from '../text/graphemes';
import { DecodingMode, decodeHTML } from 'entities/decode';
import { stripMarkup } from './strip-markup';

/** Grapheme caps for captured text: enough to pick from, far below anything that slows the popup. */
export const TEXT_CAPS = {
  /** Bluesky's whole post is 300 graphemes; a longer title could never be posted as is. */
  title: 300,
  description: 1000,
  selection: 2000,
  /** Mastodon's media description limit, the smaller of the two networks'. */
  alt: 1500,
} as const;

/** The longest URL kept; longer ones are dropped, since a cut URL leads nowhere. */
export const MAX_URL_LENGTH = 2048;

/** How cleanText shapes a piece of page text. */
export interface CleanTextOptions {
  /** The most graphemes kept, the closing "…" included. */
  maxLength: number;
  /** Keep line breaks (selections); otherwise the text becomes one line (titles). */
  multiline?: boolean;
}

/** Page text made plain: no markup, no spoofing characters, tidy whitespace, capped. */
export interface CleanText {
  text: string;
  /** True when the text was cut to fit, and so ends with "…". */
  truncated: boolean;
}

// Past this, a field is not text anyone wrote for people; cutting first keeps every step cheap.
const MAX_INPUT = 256 * 1024;

const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
const WHITESPACE_CONTROLS = /[\t\v\f]/g;
const CONTROLS = /(?!\n)\p{Cc}/gu;
// Overrides and isolates can make `evil.com/moc.elgoog` read as something else; marks such as
// U+200F are kept, as right-to-left text needs them. U+FEFF is a stray byte order mark.
const SPOOFING = /[\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// U+3000 is left alone: in CJK text the ideographic space is deliberate layout.
const SPACES = /[ \u00A0\u1680\u2000-\u200A\u202F\u205F]+/g;
const TRAILING_SPACES = / +$/gm;
const BLANK_LINE_RUNS = /\n{3,}/g;
const ELLIPSIS = '…';

/** Turns untrusted page text into plain text that is safe to show, count and post. */
export function cleanText(raw: string | null | undefined, options: CleanTextOptions): CleanText {
  let text = typeof raw === 'string' ? raw : '';
  const cutInput = text.length > MAX_INPUT;
  if (cutInput) text = text.slice(0, MAX_INPUT);
  // Decoding comes first so escaped markup (`&lt;p&gt;` in a CMS excerpt) is stripped too. DOM
  // text arrives decoded already; this pass then undoes the double escaping (`&amp;quot;`) that
  // many sites put in their og: tags. One pass only: `&amp;lt;` becomes `&lt;`, never `<`.
  text = stripMarkup(decodeHTML(text.toWellFormed(), DecodingMode.Attribute))
    .replace(LINE_BREAKS, '\n')
    .replace(WHITESPACE_CONTROLS, ' ')
    .replace(CONTROLS, '')
    .replace(SPOOFING, '');
  text = options.multiline
    ? text.replace(SPACES, ' ').replace(TRAILING_SPACES, '').replace(BLANK_LINE_RUNS, '\n\n').trim()
    : text.replace(/\n/g, ' ').replace(SPACES, ' ').trim();
  if (!cutInput) return capGraphemes(text, options.maxLength);
  // Even if what survived fits, something was left out, and the "…" must fit under the cap too.
  const capped = capGraphemes(text, options.maxLength - 1);
  if (capped.truncated || !capped.text) return { ...capped, truncated: true };
  return { text: capped.text + ELLIPSIS, truncated: true };
}

function capGraphemes(text: string, max: number): CleanText {
  // A grapheme is at least one UTF-16 unit, so a short string needs no segmenting.
  if (text.length <= max) return { text, truncated: false };
  if (max < 1) return { text: '', truncated: true };
  // V8 segments a whole string up front (about a second for 250 KB), so only a prefix is
  // segmented, widened while its graphemes run long. Every boundary before the prefix's last
  // grapheme is one of the whole text too, since the rules never look ahead past a boundary.
  const widest = max * 16 + 64;
  for (let window = max * 2 + 64; ; window *= 2) {
    const prefix = text.slice(0, Math.min(window, widest));
    let count = 0;
    let cut = 0;
    let last = 0;
    for (const { index } of graphemeSegmenter().segment(prefix)) {
      if (count === max - 1) cut = index;
      if (count === max) return { text: text.slice(0, cut).trimEnd() + ELLIPSIS, truncated: true };
      last = index;
      count++;
    }
    if (prefix.length === text.length) return { text, truncated: false };
    // Sixteen units a grapheme is Zalgo text: cut before the prefix's last, maybe partial, one.
    if (window >= widest) {
      return { text: text.slice(0, last).trimEnd() + ELLIPSIS, truncated: true };
    }
  }
}

/** An absolute http(s) URL safe to link to, or undefined for anything else. */
export function safeHttpUrl(raw: string | null | undefined, base?: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const trimmed = raw.trim();
  // A huge value is a data: URI or junk; no need to parse it to know it won't fit.
  if (!trimmed || trimmed.length > 4 * MAX_URL_LENGTH) return undefined;
  // An unusable base must not make an absolute URL fail too.
  const usableBase = base !== undefined && URL.canParse(base) ? base : undefined;
  let url: URL;
  try {
    url = new URL(trimmed, usableBase);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // user:password@ hides the real host from a quick read (https://paypal.com@evil.example).
  if (url.username || url.password || !url.hostname) return undefined;
  // A bare `#` carries nothing; a real fragment may point at the very section being shared.
  if (url.hash === '') url.hash = '';
  return url.href.length <= MAX_URL_LENGTH ? url.href : undefined;
}
