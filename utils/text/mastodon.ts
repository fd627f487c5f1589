import { countRubyGraphemes } from './ruby-graphemes';
import { findMastodonMentions } from './mentions';
import { findMastodonUrls } from './urls';

/** Mastodon's URL_PLACEHOLDER length, also its default characters_reserved_per_url. */
export const MASTODON_CHARACTERS_RESERVED_PER_URL = 23;

/** What Mastodon counts besides the text itself. */
export interface MastodonCountOptions {
  spoilerText?: string;
  charactersReservedPerUrl?: number;
}

interface Entity {
  start: number;
  end: number;
  replacement: string;
}

// Status#prepare_contents runs String#strip! before validation: ASCII white space and NUL only.
const RUBY_STRIP = /^[\0\t\n\v\f\r ]+|[\0\t\n\v\f\r ]+$/g;
// Mastodon loads fast_blank, whose String#blank? replaces ActiveSupport's: only ASCII white space
// and NUL are blank, so a text of U+3000 or no-break spaces is not.
const BLANK = /^[\0\t\n\v\f\r ]*$/;

/** Ruby's remove_overlapping_entities: by start, dropping any that overlaps the last one kept. */
function withoutOverlaps(entities: Entity[]): Entity[] {
  const kept: Entity[] = [];
  for (const entity of [...entities].sort((a, b) => a.start - b.start)) {
    const last = kept[kept.length - 1];
    if (!last || last.end <= entity.start) kept.push(entity);
  }
  return kept;
}

/** StatusLengthValidator#countable_text: links become placeholders, remote mentions lose the domain. */
function countableText(text: string, reservedPerUrl: number): string {
  if (BLANK.test(text)) return '';
  const placeholder = 'x'.repeat(reservedPerUrl);
  const entities = withoutOverlaps([
    ...findMastodonUrls(text).map(({ start, end }) => ({ start, end, replacement: placeholder })),
    ...findMastodonMentions(text).map(({ start, end, screenName }) => ({
      start,
      end,
      replacement: `@${screenName.split('@')[0] ?? ''}`,
    })),
  ]);
  let result = '';
  let from = 0;
  for (const entity of entities) {
    result += text.slice(from, entity.start) + entity.replacement;
    from = entity.end;
  }
  return result + text.slice(from);
}

/** The length StatusLengthValidator checks against max_characters, in grapheme clusters. */
// [spoiler_text, countable_text(text)].join: no separator, so the two can merge into one cluster.
export function countMastodon(text: string, options: MastodonCountOptions = {}): number {
  const reserved = options.charactersReservedPerUrl ?? MASTODON_CHARACTERS_RESERVED_PER_URL;
  let body = text;
  let spoiler = options.spoilerText ?? '';
  // PostStatusService#preprocess_attributes!: a blank text with a content warning becomes the
  // warning itself, with no warning left, so its links and mentions are now discounted.
  if (BLANK.test(body) && !BLANK.test(spoiler)) {
    body = spoiler;
    spoiler = '';
  }
  spoiler = spoiler.replace(RUBY_STRIP, '');
  return countRubyGraphemes(spoiler + countableText(body.replace(RUBY_STRIP, ''), reserved));
}
