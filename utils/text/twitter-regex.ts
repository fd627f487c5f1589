import { TWITTER_TEXT_TLDS } from './twitter-tlds';

// Ported from twitter/twitter-text rb/lib/twitter-text/regex.rb with the overrides Mastodon applies
// in config/initializers/twitter_regex.rb. Kept as regex source strings so each piece can be
// composed exactly like the Ruby interpolation does; every piece is compiled with the `iu` flags.

const DIRECTIONAL = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const INVALID = '\\uFFFE\\uFEFF\\uFFFF';
const UNICODE_SPACES =
  '\\t-\\r\\u0020\\u0085\\u00A0\\u1680\\u180E\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';
// Ruby's PUNCTUATION_CHARS: its `\[` and `\`` are regex escapes, so a backslash is NOT in the set.
const PUNCTUATION = '!"#$%&\'()*+,\\-./:;<=>?@\\[\\]^_`{|}~';
const CONTROL = '\\x00-\\x1F\\x7F';

/** twitter-text's LATIN_ACCENTS class body (without brackets). */
export const LATIN_ACCENTS =
  '\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF\\u0100-\\u024F\\u0253\\u0254\\u0256\\u0257' +
  '\\u0259\\u025B\\u0263\\u0268\\u026F\\u0272\\u0289\\u028B\\u02BB\\u0300-\\u036F\\u1E00-\\u1EFF';

// Onigmo's /i folds with Unicode's full case folding, so a pattern's "ss" also matches "ß" and
// its "fi" the ligature "ﬁ"; JavaScript's /iu folds one character to one character only. These
// are the multi-character folds (CaseFolding.txt, status F) whose result occurs in a TLD or a
// scheme Mastodon links; the sequences are tried longest first.
const MULTI_CHAR_FOLDS: ReadonlyArray<readonly [string, string]> = [
  ['ffi', '\uFB03'],
  ['ffl', '\uFB04'],
  ['ff', '\uFB00'],
  ['fi', '\uFB01'],
  ['fl', '\uFB02'],
  ['ss', '\u00DF\u1E9E'],
  ['st', '\uFB05\uFB06'],
];

/** A lowercase word as Ruby's case-insensitive regex matches it, ligatures and ß included. */
export function rubyFoldedWord(word: string, from = 0): string {
  if (from >= word.length) return '';
  const options = [(word[from] ?? '') + rubyFoldedWord(word, from + 1)];
  for (const [sequence, folded] of MULTI_CHAR_FOLDS) {
    if (word.startsWith(sequence, from)) {
      options.push(`[${folded}]${rubyFoldedWord(word, from + sequence.length)}`);
    }
  }
  return options.length === 1 ? (options[0] ?? '') : `(?:${options.join('|')})`;
}

const PRECEDING = `(?:[^A-Z0-9@＠$#＃${INVALID}]|[${DIRECTIONAL}]|^)`;

/** One character allowed in a domain label (besides the `-` and `_` joiners). */
export const DOMAIN_CHAR = `[^${DIRECTIONAL}${PUNCTUATION}${CONTROL}${INVALID}${UNICODE_SPACES}]`;
const SUBDOMAIN = `(?:(?:${DOMAIN_CHAR}(?:[_\\-]|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`;
const DOMAIN_NAME = `(?:(?:${DOMAIN_CHAR}(?:-|${DOMAIN_CHAR})*)?${DOMAIN_CHAR}\\.)`;
// gTLDs and ccTLDs share one lookahead, so one alternation in the YAML order behaves the same.
const TLD = `(?:(?:${TWITTER_TEXT_TLDS.map((tld) => rubyFoldedWord(tld)).join('|')})(?=[^0-9a-z@+\\-]|$))`;
const PUNYCODE = '(?:xn--[0-9a-z]+)';
const DOMAIN = `(?:${SUBDOMAIN}*${DOMAIN_NAME}(?:${TLD}|${PUNYCODE}))`;

// Mastodon widens twitter-text's path characters to anything but white space, <>()?.
const PATH_CHAR = '[^\\p{White_Space}<>()?]';
// Mastodon defines its path-ending class BEFORE redefining the balanced-parens regex, so the
// ending class still embeds twitter-text's original, narrower balanced parens.
const TWITTER_PATH_CHAR = `[a-z\\p{Script=Cyrillic}0-9!*';:=+,.$/%#\\[\\]\\p{Pd}_~&|@${LATIN_ACCENTS}]`;
const balancedParens = (char: string) => `\\((?:${char}+|(?:${char}*\\(${char}+\\)${char}*))\\)`;
const PATH_ENDING = `(?:[^\\p{White_Space}()?!*"'「」<>;:=,.$%\\[\\]~&|@]|(?:${balancedParens(TWITTER_PATH_CHAR)}))`;
const PATH =
  `(?:(?:${PATH_CHAR}*(?:${balancedParens(PATH_CHAR)}${PATH_CHAR}*)*${PATH_ENDING})` +
  `|(?:${PATH_CHAR}+\\/))`;

const UCHARS =
  '\\u{A0}-\\u{D7FF}\\u{F900}-\\u{FDCF}\\u{FDF0}-\\u{FFEF}\\u{10000}-\\u{1FFFD}\\u{20000}-\\u{2FFFD}' +
  '\\u{30000}-\\u{3FFFD}\\u{40000}-\\u{4FFFD}\\u{50000}-\\u{5FFFD}\\u{60000}-\\u{6FFFD}' +
  '\\u{70000}-\\u{7FFFD}\\u{80000}-\\u{8FFFD}\\u{90000}-\\u{9FFFD}\\u{A0000}-\\u{AFFFD}' +
  '\\u{B0000}-\\u{BFFFD}\\u{C0000}-\\u{CFFFD}\\u{D0000}-\\u{DFFFD}\\u{E1000}-\\u{EFFFD}' +
  '\\u{E000}-\\u{F8FF}\\u{F0000}-\\u{FFFFD}\\u{100000}-\\u{10FFFD}';
const QUERY_CHAR = `[a-z0-9!?*'();:&=+$/%#\\[\\]\\-_.,~|@\\^${UCHARS}]`;
const QUERY_ENDING = `[a-z0-9_&=#/\\-${UCHARS}]`;

/** The schemes Mastodon links, with their `://`; StatusLengthValidator discounts them all. */
export const PROTOCOL = `(?:https?|dat|dweb|ipfs|ipns|${rubyFoldedWord('ssb')}|gopher|gemini):\\/\\/`;

/** Mastodon's valid_url regex source (groups: preceding, URL, protocol, domain, port, path, query). */
export const VALID_URL_SOURCE =
  `(${PRECEDING})((${PROTOCOL})?(${DOMAIN})(?::([0-9]+))?` +
  `(\\/${PATH}*)?(\\?${QUERY_CHAR}*${QUERY_ENDING})?)`;
