import { formatNumber } from '../i18n/format';
import { t } from '../i18n/messages';
import { BLUESKY_MAX_BYTES, BLUESKY_MAX_GRAPHEMES, countBluesky } from './bluesky';
import { countMastodon } from './mastodon';
import { MISSKEY_MAX_CW, countMisskey } from './misskey';
import { THREADS_MAX_LINKS, countThreads, countThreadsLinks } from './threads';

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
    result.detail = t('counters.detail.bytes', {
      max: formatNumber(BLUESKY_MAX_BYTES),
      used: formatNumber(bytes),
    });
  }
  return result;
}

function measureThreads(text: string, limits: CounterLimits): TextMeasure {
  const result = measure(countThreads(text), limits.maxCharacters, 'characters');
  const maxLinks = limits.maxLinks ?? THREADS_MAX_LINKS;
  const links = countThreadsLinks(text);
  if (links > maxLinks) {
    result.over = true;
    result.detail = t('counters.detail.links', {
      max: formatNumber(maxLinks),
      found: formatNumber(links),
    });
  }
  return result;
}

function measureMisskey(text: string, limits: CounterLimits, cw: string): TextMeasure {
  const result = measure(countMisskey(text), limits.maxCharacters, 'characters');
  const cwLength = countMisskey(cw);
  if (cwLength > MISSKEY_MAX_CW) {
    result.over = true;
    result.detail = t('counters.detail.warning', {
      max: formatNumber(MISSKEY_MAX_CW),
      used: formatNumber(cwLength),
    });
  }
  return result;
}

/** Mastodon's validator: the warning counts with the text, every link the server's fixed length. */
function measureMastodon(text: string, limits: CounterLimits, spoilerText: string): TextMeasure {
  const used = countMastodon(text, {
    spoilerText,
    charactersReservedPerUrl: limits.charactersReservedPerUrl,
  });
  return measure(used, limits.maxCharacters, 'characters');
}

/**
 * Each counting rule by name. A network's folder names the rule it counts by; several networks
 * may share one (every Mastodon-API server counts as Mastodon does).
 */
const COUNTERS = {
  mastodon: (text: string, limits: CounterLimits, cw: string) => measureMastodon(text, limits, cw),
  // The lexicon fixes Bluesky's caps, whatever the account reports.
  bluesky: (text: string) => measureBluesky(text),
  // Servers that check `len([]rune(text)) + len([]rune(warning))` (GoToSocial): links in full.
  codePoints: (text: string, limits: CounterLimits, cw: string) =>
    measure([...cw].length + [...text].length, limits.maxCharacters, 'characters'),
  threads: (text: string, limits: CounterLimits) => measureThreads(text, limits),
  misskey: (text: string, limits: CounterLimits, cw: string) => measureMisskey(text, limits, cw),
} satisfies Record<string, (text: string, limits: CounterLimits, cw: string) => TextMeasure>;

/** The counting rules a network needs; one per family of servers Crosswind can post to. */
export type CounterId = keyof typeof COUNTERS;

/** Measures the text by the given counting rules, against the account's limits. */
export function measureText(
  counter: CounterId,
  text: string,
  limits: CounterLimits,
  options: { spoilerText?: string } = {},
): TextMeasure {
  return COUNTERS[counter](text, limits, options.spoilerText ?? '');
}
