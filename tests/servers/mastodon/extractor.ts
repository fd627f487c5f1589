import { domainToASCII } from 'node:url';
import { COUNTRY_TLDS, GENERIC_TLDS } from './tlds';

// A port of the parts of twitter-text 3.x that Mastodon's Extractor uses, with the regex overrides
// of Mastodon's config/initializers/twitter_regex.rb and its own mention and hashtag patterns. Ruby
// `^` and `$` match at line boundaries, hence the `m` flag below.

/** A piece of text an extractor found; indices are UTF-16 offsets into the text. */
export interface Entity {
  start: number;
  end: number;
  url?: string;
  screenName?: string;
  hashtag?: string;
}

const DIRECTIONAL = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const INVALID = '\\uFFFE\\uFEFF\\uFFFF';
const UNICODE_SPACES =
  '\\u0009-\\u000D\\u0020\\u0085\\u00A0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
const PUNCTUATION = '!"#$%&\'()*+,\\-./:;<=>?@\\[\\]^_`{|}~';
const SPACE = ' \\t\\n\\u000B\\f\\r';
const CTRL = '\\u0000-\\u001F\\u007F';
const LATIN_ACCENTS =
  '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257' +
  '\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';
const UCHARS =
  '\\u{A0}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFEF}\\u{10000}-\\u{1FFFD}\\u{20000}-\\u{2FFFD}' +
  '\\u{30000}-\\u{3FFFD}\\u{40000}-\\u{4FFFD}\\u{50000}-\\u{5FFFD}\\u{60000}-\\u{6FFFD}' +
  '\\u{70000}-\\u{7FFFD}\\u{80000}-\\u{8FFFD}\\u{90000}-\\u{9FFFD}\\u{A0000}-\\u{AFFFD}' +
  '\\u{B0000}-\\u{BFFFD}\\u{C0000}-\\u{CFFFD}\\u{D0000}-\\u{DFFFD}\\u{E1000}-\\u{EFFFD}' +
  '\\u{E000}-\\u{F8FF}\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}';

const DOMAIN_CHAR = `[^${DIRECTIONAL}${PUNCTUATION}${SPACE}${CTRL}${INVALID}${UNICODE_SPACES}]`;
const SUBDOMAIN = `(?:(?:${DOMAIN_CHAR}(?:[_\\-]|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`;
const DOMAIN_NAME = `(?:(?:${DOMAIN_CHAR}(?:-|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`;
const TLD_END = '(?=[^0-9a-z@+\\-]|$)';

// Onigmo's /i uses full case folding: "ss" in a pattern matches "ß", "fi" matches "ﬁ". JavaScript
// folds one character to one, so each TLD spells out what folds into it.
const FULL_FOLDS: Record<string, string> = {
  ss: 'ßẞ',
  ff: 'ﬀ',
  fi: 'ﬁ',
  fl: 'ﬂ',
  ffi: 'ﬃ',
  ffl: 'ﬄ',
  st: 'ﬅﬆ',
};

/** A TLD as a case-insensitive Ruby regex reads it: every way to spell it with folded letters. */
function rubyCaseless(word: string): string {
  const spell = (rest: string): string => {
    if (rest === '') return '';
    const ways = [rest.charAt(0) + spell(rest.slice(1))];
    for (const length of [2, 3]) {
      const folded = FULL_FOLDS[rest.slice(0, length)];
      if (rest.length >= length && folded) ways.push(`[${folded}]${spell(rest.slice(length))}`);
    }
    return ways.length === 1 ? (ways[0] ?? '') : `(?:${ways.join('|')})`;
  };
  return spell(word);
}

const GTLD = `(?:(?:${GENERIC_TLDS.map(rubyCaseless).join('|')})${TLD_END})`;
const CCTLD = `(?:(?:${COUNTRY_TLDS.map(rubyCaseless).join('|')})${TLD_END})`;
const PUNYCODE = '(?:xn--[0-9a-z]+)';
const DOMAIN = `(?:${SUBDOMAIN}*${DOMAIN_NAME}(?:${GTLD}|${CCTLD}|${PUNYCODE}))`;

// Mastodon replaced the path characters but its new ending characters still embed the balanced
// parentheses pattern as twitter-text defined it, with twitter-text's narrower path characters.
const TWITTER_PATH_CHAR = `[a-z\\p{Script=Cyrillic}0-9!*';:=+,.$/%#\\[\\]\\p{Pd}_~&|@${LATIN_ACCENTS}]`;
const TWITTER_PARENS = `\\((?:${TWITTER_PATH_CHAR}+|(?:${TWITTER_PATH_CHAR}*\\(${TWITTER_PATH_CHAR}+\\)${TWITTER_PATH_CHAR}*))\\)`;
const PATH_CHAR = '[^\\p{White_Space}<>()?]';
const PATH_END = `(?:[^\\p{White_Space}()?!*"'\u300C\u300D<>;:=,.$%\\[\\]~&|@]|(?:${TWITTER_PARENS}))`;
const PARENS = `\\((?:${PATH_CHAR}+|(?:${PATH_CHAR}*\\(${PATH_CHAR}+\\)${PATH_CHAR}*))\\)`;
const PATH = `(?:(?:${PATH_CHAR}*(?:${PARENS}${PATH_CHAR}*)*${PATH_END})|(?:${PATH_CHAR}+/))`;
const QUERY_CHAR = `[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@\\^${UCHARS}]`;
const QUERY_END = `[a-z0-9_&=#/\\-${UCHARS}]`;
const PRECEDING = `(?:[^A-Z0-9@\uFF20$#\uFF03${INVALID}]|[${DIRECTIONAL}]|^)`;
const PROTOCOL = `(?:https?|dat|dweb|ipfs|ipns|${rubyCaseless('ssb')}|gopher|gemini)://`;

const VALID_URL = new RegExp(
  `((${PRECEDING})((${PROTOCOL})?(${DOMAIN})(?::([0-9]+))?(/${PATH}*)?(\\?${QUERY_CHAR}*${QUERY_END})?))`,
  'gimu',
);
const TCO_URL = /^https?:\/\/t\.co\/([a-z0-9]+)/i;
const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const URL_PROTOCOL_LENGTH = 'https://'.length;

// Account::USERNAME_RE and Account::MENTION_RE; Onigmo's [[:word:]] is Alphabetic (wider than
// letters: Ⅻ, Ⓐ), marks, decimal digits and connector punctuation (Ruby's tool/enc-unicode.rb).
const WORD = '\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}';
const MENTION = new RegExp(
  `(?<![=/${WORD}])@(([a-z0-9_]+(?:[.\\-]+[a-z0-9_]+)*)(?:@[${WORD}]+(?:[.\\-]+[${WORD}]+)*)?)`,
  'giu',
);
const END_MENTION = new RegExp(`^(?:[@\uFF20]|[${LATIN_ACCENTS}]+|://)`, 'iu');

// Tag::HASHTAG_RE.
const HASHTAG_SEPARATORS = '_\\u00B7\\u30FB\\u200C';
const ALPHA = '\\p{Alphabetic}';
const FIRST_CHUNK_ONE = `[${WORD}_][${WORD}${HASHTAG_SEPARATORS}]*[${ALPHA}${HASHTAG_SEPARATORS}]`;
const FIRST_CHUNK_TWO = `[${WORD}${HASHTAG_SEPARATORS}]*[${WORD}_]`;
const HASHTAG_NAME = `(${FIRST_CHUNK_ONE}${FIRST_CHUNK_TWO})|([${WORD}_]*[${ALPHA}][${WORD}_]*)`;
const HASHTAG = new RegExp(`(?<![=/)\\p{Alphabetic}\\p{Nd}])#(${HASHTAG_NAME})`, 'giu');

function codepointLength(text: string): number {
  return [...text].length;
}

/** twitter-text's `is_valid_domain`: the URL, with its domain in punycode, fits 4096 characters. */
function isValidDomain(urlLength: number, domain: string, hasProtocol: boolean): boolean {
  const encoded = domainToASCII(domain);
  if (encoded === '') return false;
  let length = urlLength;
  const original = codepointLength(domain);
  if (encoded.length > original) length += encoded.length - original;
  if (!hasProtocol) length += URL_PROTOCOL_LENGTH;
  return length <= MAX_URL_LENGTH;
}

/**
 * `extract_urls_with_indices(text, extract_url_without_protocol: false)`: only URLs that start with
 * a protocol count, and a domain needs a known top-level domain (so `http://localhost` is text).
 */
export function extractUrls(text: string): Entity[] {
  if (!text.includes(':')) return [];
  const urls: Entity[] = [];
  for (const match of text.matchAll(VALID_URL)) {
    const before = match[2] ?? '';
    let url = match[3] ?? '';
    const protocol = match[4];
    const domain = match[5] ?? '';
    if (!protocol) continue;
    const start = (match.index ?? 0) + before.length;
    const tco = TCO_URL.exec(url);
    if (tco) {
      if ((tco[1] ?? '').length > MAX_TCO_SLUG_LENGTH) continue;
      url = tco[0];
    }
    if (!isValidDomain(codepointLength(url), domain, true)) continue;
    urls.push({ url, start, end: start + url.length });
  }
  return urls;
}

/** Mastodon's `extract_mentions_or_lists_with_indices`: `@user` and `@user@domain`. */
export function extractMentions(text: string): Entity[] {
  if (!/[@\uFF20]/.test(text)) return [];
  const mentions: Entity[] = [];
  for (const match of text.matchAll(MENTION)) {
    const screenName = match[1] ?? '';
    const start = match.index ?? 0;
    const end = start + 1 + screenName.length;
    if (END_MENTION.test(text.slice(end))) continue;
    mentions.push({ screenName, start, end });
  }
  return mentions;
}

/** Mastodon's `extract_hashtags_with_indices`, which trims a trailing `http` before `://`. */
export function extractHashtags(text: string): Entity[] {
  if (!text.includes('#')) return [];
  const tags: Entity[] = [];
  for (const match of text.matchAll(HASHTAG)) {
    let hashtag = match[1] ?? '';
    const start = match.index ?? 0;
    let end = start + 1 + hashtag.length;
    if (text.slice(end).startsWith('://')) {
      const trimmed = /^(.+)(https?)$/su.exec(hashtag);
      if (trimmed) {
        hashtag = trimmed[1] ?? '';
        end -= (trimmed[2] ?? '').length;
      }
    }
    tags.push({ hashtag, start, end });
  }
  return tags;
}

/** twitter-text's `remove_overlapping_entities`: sorted by start, later overlaps dropped. */
export function removeOverlapping(entities: Entity[]): Entity[] {
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  const kept: Entity[] = [];
  for (const entity of sorted) {
    const previous = kept[kept.length - 1];
    if (previous && previous.end > entity.start) continue;
    kept.push(entity);
  }
  return kept;
}

/** Rebuilds `text` with each entity replaced, the rest passed through `plain`. */
export function rewriteEntities(
  text: string,
  entities: Entity[],
  replace: (entity: Entity) => string,
  plain: (segment: string) => string = (segment) => segment,
): string {
  let result = '';
  let index = 0;
  for (const entity of [...entities].sort((a, b) => a.start - b.start)) {
    result += plain(text.slice(index, entity.start));
    result += replace(entity);
    index = entity.end;
  }
  return result + plain(text.slice(index));
}
