import { countCodePoints } from './graphemes';
import { LATIN_ACCENTS } from './twitter-regex';
import { decodeRanges, rangesToClass } from './unicode-ranges';
import { RUBY_WORD_15 } from './unicode-15-tables';

/** A Mastodon mention found in a text; offsets are UTF-16 code units, end exclusive. */
export interface MentionMatch {
  start: number;
  end: number;
  /** `user` or `user@domain`, without the leading `@`. */
  screenName: string;
}

// USERNAME_RE is /[a-z0-9_]+([.-]+[a-z0-9_]+)*/i; Ruby's /i also folds U+017F (ſ) and U+212A (K).
const USER_CHAR = '[a-zA-Z0-9_\\u017F\\u212A]';
let mentionSource: string | undefined;

/** Account::MENTION_RE in app/models/account.rb. */
// Onigmo's [[:word:]] is Alphabetic + Mark + Decimal_Number + Connector_Punctuation (Ruby's
// tool/enc-unicode.rb), wider than \p{L}: Ⅻ, Ⓐ and other alphabetic symbols are word characters,
// so "Ⓐ@bob" is no mention. Unicode 15.0's, as Ruby 3.4 has it; built once, on first use.
function mentionPattern(): string {
  if (mentionSource) return mentionSource;
  const word = rangesToClass(decodeRanges(RUBY_WORD_15));
  mentionSource =
    `(?<![=/${word}])@((?:${USER_CHAR}+(?:[.\\-]+${USER_CHAR}+)*)` +
    `(?:@[${word}]+(?:[.\\-]+[${word}]+)*)?)`;
  return mentionSource;
}
// twitter-text's end_mention_match: a mention running into these is not a mention. Ruby embeds
// latin_accents with its own flags, which do not include /i, hence no `i` here.
const END_MENTION = new RegExp(`^(?:[@＠]|[${LATIN_ACCENTS}]+|:\\/\\/)`, 'u');
// Extractor::MAX_DOMAIN_LENGTH in app/lib/extractor.rb.
const MAX_DOMAIN_LENGTH = 253;

/** The mentions Mastodon's Extractor.extract_mentions_or_lists_with_indices finds. */
export function findMastodonMentions(text: string): MentionMatch[] {
  const mentions: MentionMatch[] = [];
  for (const match of text.matchAll(new RegExp(mentionPattern(), 'gu'))) {
    const end = match.index + match[0].length;
    if (END_MENTION.test(text.slice(end))) continue;
    const screenName = match[1] ?? '';
    const domain = screenName.split('@')[1];
    if (domain !== undefined && countCodePoints(domain) > MAX_DOMAIN_LENGTH) continue;
    mentions.push({ start: match.index, end, screenName });
  }
  return mentions;
}
