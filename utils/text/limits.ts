import { BLUESKY_MAX_BYTES, BLUESKY_MAX_GRAPHEMES, countBluesky } from './bluesky';
import { countMastodon } from './mastodon';
import { MISSKEY_MAX_CW, countMisskey } from './misskey';
import { THREADS_MAX_LINKS, countThreads, countThreadsLinks } from './threads';

/** The counting rules a network needs; one per network Crosswind can post to. */
export type CounterId = 'mastodon' | 'bluesky' | 'threads' | 'misskey';

/** How a text measures up against one account's limit. */
export interface TextMeasure {
  used: number;
  limit: number;
  /** Negative when over; for Bluesky the tighter of graphemes and bytes left. */
  remaining: number;
  over: boolean;
  unit: 'characters' | 'graphemes';
  /** Why the text is over (or close) beyond the main count, e.g. the byte cap or too many links. */
  detail?: string;
}

/** The limits an account reports (AccountLimits fits). */
export interface CounterLimits {
  maxCharacters: number;
  charactersReservedPerUrl?: number;
  maxLinks?: number;
}

function measure(used: number, limit: number, unit: TextMeasure['unit']): TextMeasure {
  return { used, limit, remaining: limit - used, over: used > limit, unit };
}

function measureBluesky(text: string): TextMeasure {
  const { graphemes, bytes } = countBluesky(text);
  const graphemesLeft = BLUESKY_MAX_GRAPHEMES - graphemes;
  const bytesLeft = BLUESKY_MAX_BYTES - bytes;
  const result = measure(graphemes, BLUESKY_MAX_GRAPHEMES, 'graphemes');
  result.over = graphemesLeft < 0 || bytesLeft < 0;
  // Emoji sequences weigh up to dozens of bytes each, so bytes can run out before graphemes.
  if (bytesLeft < graphemesLeft) {
    result.remaining = bytesLeft;
    result.detail = `also ${BLUESKY_MAX_BYTES} bytes max: ${bytes} used`;
  }
  return result;
}

function measureThreads(text: string, limits: CounterLimits): TextMeasure {
  const result = measure(countThreads(text), limits.maxCharacters, 'characters');
  const maxLinks = limits.maxLinks ?? THREADS_MAX_LINKS;
  const links = countThreadsLinks(text);
  if (links > maxLinks) {
    result.over = true;
    result.detail = `at most ${maxLinks} links: ${links} found`;
  }
  return result;
}

function measureMisskey(text: string, limits: CounterLimits, cw: string): TextMeasure {
  const result = measure(countMisskey(text), limits.maxCharacters, 'characters');
  const cwLength = countMisskey(cw);
  if (cwLength > MISSKEY_MAX_CW) {
    result.over = true;
    result.detail = `content warning at most ${MISSKEY_MAX_CW} characters: ${cwLength} used`;
  }
  return result;
}

/** Measures the text as the given network's server counts it, against the account's limits. */
export function measureText(
  counter: CounterId,
  text: string,
  limits: CounterLimits,
  options: { spoilerText?: string } = {},
): TextMeasure {
  switch (counter) {
    case 'mastodon': {
      const used = countMastodon(text, {
        spoilerText: options.spoilerText ?? '',
        charactersReservedPerUrl: limits.charactersReservedPerUrl,
      });
      return measure(used, limits.maxCharacters, 'characters');
    }
    case 'bluesky':
      // The lexicon fixes Bluesky's caps, whatever the account reports.
      return measureBluesky(text);
    case 'threads':
      return measureThreads(text, limits);
    case 'misskey':
      return measureMisskey(text, limits, options.spoilerText ?? '');
  }
}
