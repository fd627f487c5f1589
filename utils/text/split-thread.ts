import { graphemeSegmenter } from './graphemes';
import { THREAD_MARKER } from './thread-marker';

/** How splitThread cuts a text into the posts of a thread. */
export interface SplitOptions {
  /** Split automatically where a chunk does not fit; when false only the manual markers split. */
  auto: boolean;
  /** Append "i/n" to each part when there is more than one part; it counts toward each part's length. */
  numbering: boolean;
  /**
   * Stop once this many parts are found (without numbering only): a caller that refuses longer
   * threads needs to know only that the text would need more, not every part of it.
   */
  maxParts?: number;
}

/** The posts of a thread, in order, and what kept it from fitting if anything did. */
export interface SplitResult {
  parts: string[];
  /** Set when some single token (a link, mention, hashtag) cannot fit in one part even alone; names it. */
  unsplittable?: string;
}

// Built from THREAD_MARKER so that the hint the composer shows and the parser never drift apart.
const MARKER_LINE = new RegExp(`^[^\\S\\r\\n]*${THREAD_MARKER}[^\\S\\r\\n]*\\r?$`, 'm');
const MARKER_LINES = new RegExp(MARKER_LINE.source, 'gm');
// No-break spaces are typed precisely so that the words they join stay together.
const BREAK_SPACE = /[^\S\u00A0\u2007\u202F]+/g;
const CLOSERS = `」』）〕】〉》”’"')\\]»`;
// CJK puts no space after a full stop, so the stop itself is a boundary; its closing quotes go
// with it, all of them, or the cut would fall between a stop and its quote.
const CJK_SENTENCE_END = new RegExp(`[。！？][${CLOSERS}]*(?![${CLOSERS}]|\\s|$)`, 'g');
const SENTENCE_END = /[.!?…。！？‼⁇]/;
const CLOSER = new RegExp(`[${CLOSERS}]`);
// Loose on purpose: a false match only makes a cut less likely, a miss could break a link.
const URL_CHAR = String.raw`[^\s\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u3000-\u303F\uFF00-\uFFEF]`;
const PROTECTED = new RegExp(
  [
    String.raw`[a-z][a-z0-9+.-]*:\/\/${URL_CHAR}+`,
    String.raw`\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#:]${URL_CHAR}*)?`,
    String.raw`@[a-z0-9_]+(?:[.-]+[a-z0-9_]+)*(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?`,
    String.raw`[#＃][\p{L}\p{M}\p{N}_]+`,
  ].join('|'),
  'giu',
);
// Long words are segmented in windows of this many UTF-16 units.
const SEGMENT_WINDOW = 256;
// Before any part is found, no probe measures more than this many UTF-16 units without reason.
const MIN_HORIZON = 1024;
// The part count only matters through its width in digits, so this many rounds is plenty.
const MAX_NUMBERING_ROUNDS = 6;

const WORD = 0;
const LINE = 1;
const SENTENCE = 2;
const PARAGRAPH = 3;
const TEXT_END = 4;

/** Where a part may end (`end`) and the next one then starts (`next`), and how good a place it is. */
interface Boundary {
  end: number;
  next: number;
  level: number;
}

/** Grapheme boundaries of one long word from `from` on, segmented only as far as searches needed. */
interface WordCuts {
  from: number;
  wordEnd: number;
  /** Ascending, outside links, mentions and hashtags; final up to `done`, ending with `wordEnd`. */
  positions: number[];
  done: number;
}

/** A chunk between markers, with what splitting it needs, computed once for every numbering round. */
interface Chunk {
  text: string;
  boundaries?: Boundary[];
  ends?: number[];
  /** 1 at every position strictly inside a link, mention or hashtag, where no part may end. */
  inside?: Uint8Array;
  cuts?: WordCuts;
}

/** What one splitting round carries from part to part. */
interface Round {
  result: SplitResult;
  fits: (part: string) => boolean;
  /** The longest part that fitted last time, in UTF-16 units: where the next search starts. */
  hint: number;
}

/** Whether the text holds a line that splits it by hand. */
export function hasThreadMarker(text: string): boolean {
  // The line pattern tries every line start; a plain search rules out almost every text first
  // (a 200 kB text took about 2 ms a test, for each of four accounts on every keystroke).
  return text.includes(THREAD_MARKER) && MARKER_LINE.test(text);
}

/** The suffix added to part i (1-based) of n when numbering is on. */
export function numberingSuffix(index: number, total: number): string {
  return `\n\n${index}/${total}`;
}

/** Splits a text into parts that each pass `fits`: at `---` lines, and with `auto` where needed. */
// `fits` runs the network's counter, so each part costs it a few calls on strings about a part
// long: a search from the previous part's length, never a count of the whole rest.
export function splitThread(
  text: string,
  fits: (part: string) => boolean,
  options: SplitOptions,
): SplitResult {
  const chunks: Chunk[] = (text.includes(THREAD_MARKER) ? text.split(MARKER_LINES) : [text])
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => ({ text: chunk }));
  let hint = 0;
  const split = (total: number, maxParts = Infinity) => {
    const round = startRound(fits, total, hint);
    for (const chunk of chunks) {
      if (round.result.parts.length >= maxParts) break;
      if (options.auto) splitChunk(chunk, round, maxParts);
      else round.result.parts.push(chunk.text);
    }
    hint = round.hint;
    return round.result;
  };
  if (!options.numbering) return split(1, options.maxParts);
  // Two parts are enough to know numbering applies; the first one's length sizes the guess.
  const start = split(1, 2);
  if (start.parts.length < 2) return start;
  const guess = options.auto
    ? chunks.reduce((sum, chunk) => sum + Math.ceil(chunk.text.length / Math.max(hint, 1)), 0)
    : chunks.length;
  return numbered(split, guess);
}

/** Splits reserving the suffix for a guessed part count until the count fits what was reserved. */
// The suffix width depends on the part count, which depends on the suffix width; only the
// width in digits matters, so each round reserves the widest suffix of a digit count.
function numbered(split: (total: number) => SplitResult, guess: number): SplitResult {
  const rounds = new Map<number, SplitResult>();
  let digits = String(guess).length;
  while (!rounds.has(digits) && rounds.size < MAX_NUMBERING_ROUNDS) {
    const result = split(10 ** digits - 1);
    rounds.set(digits, result);
    digits = String(result.parts.length).length;
  }
  // Fewer digits than reserved only shorten each suffix, so those parts all still fit.
  const settled = [...rounds]
    .filter(([reserved, result]) => String(result.parts.length).length <= reserved)
    .sort(([digitsA, a], [digitsB, b]) => a.parts.length - b.parts.length || digitsA - digitsB);
  const result = settled[0]?.[1] ?? [...rounds.values()].pop() ?? { parts: [] };
  const total = result.parts.length;
  if (total < 2) return result;
  return { ...result, parts: result.parts.map((part, i) => part + numberingSuffix(i + 1, total)) };
}

function startRound(fits: (part: string) => boolean, total: number, hint: number): Round {
  const result: SplitResult = { parts: [] };
  const reserved = (part: string) => fits(part + numberingSuffix(result.parts.length + 1, total));
  return { result, fits: total < 2 ? fits : reserved, hint };
}

/** Greedy: each part ends at the furthest boundary that fits, or a better one not much shorter. */
function splitChunk(chunk: Chunk, round: Round, maxParts: number): void {
  const { text } = chunk;
  chunk.boundaries ??= findBoundaries(text, insideOf(chunk));
  chunk.ends ??= chunk.boundaries.map((boundary) => boundary.end);
  const { boundaries, ends } = chunk;
  const endOf = (i: number) => ends[i] ?? text.length;
  let start = 0;
  let first = 0;
  while (start < text.length && round.result.parts.length < maxParts) {
    first = lowerBound(ends, start + 1, first);
    const wordEnd = endOf(first);
    // A word longer than any part so far (unspaced CJK) is searched for a cut instead of
    // measured whole: the counter would otherwise run over all of it once per part.
    const long = wordEnd - start > horizonOf(round);
    const cut = long ? lastFittingCut(chunk, start, start, wordEnd, round) : wordEnd;
    const found = cut === wordEnd ? lastFittingBoundary(chunk, start, first, round) : undefined;
    if (!found || found.last < first) {
      const at = long ? cut : lastFittingCut(chunk, start, start, wordEnd, round);
      start = cutWord(chunk, start, wordEnd, at, round);
      if (start === wordEnd) start = boundaries[first]?.next ?? start;
      continue;
    }
    const { last, fill } = found;
    const longest = (fill ?? endOf(last)) - start;
    round.hint = longest;
    const chosen = preferredBoundary(boundaries, first, last, start, longest, fill !== undefined);
    if (chosen === undefined && fill !== undefined) {
      pushPart(round.result, text.slice(start, fill));
      start = fill;
      continue;
    }
    const end = chosen ?? last;
    pushPart(round.result, text.slice(start, endOf(end)));
    start = boundaries[end]?.next ?? text.length;
  }
}

/** How far past the start a search measures before it has reason to look further. */
function horizonOf(round: Round): number {
  return Math.max(4 * round.hint, MIN_HORIZON);
}

/**
 * The furthest boundary from `first` on whose part fits (first - 1 if none does) and, when the
 * word after it is too long for any part, how far into that word the part could run instead.
 */
function lastFittingBoundary(chunk: Chunk, start: number, first: number, round: Round) {
  const { text, boundaries = [], ends = [] } = chunk;
  const endOf = (i: number) => ends[i] ?? text.length;
  const fitsUpTo = (i: number) => round.fits(text.slice(start, endOf(i)));
  const wordAfter = (i: number) => [boundaries[i]?.next ?? text.length, endOf(i + 1)] as const;
  const fitsAlone = ([from, to]: readonly [number, number]) =>
    lastFittingCut(chunk, from, from, to, round) === to;
  // A word too long for any part will be cut anyway, so it may as well start in this part.
  const filling = (last: number): { last: number; fill?: number } => {
    if (last < first || last === ends.length - 1 || fitsAlone(wordAfter(last))) return { last };
    const [from, to] = wordAfter(last);
    const fill = lastFittingCut(chunk, start, from, to, round);
    return fill > from ? { last, fill } : { last };
  };
  let from = first;
  let horizon = horizonOf(round);
  for (;;) {
    const stop = Math.max(from, lowerBound(ends, start + horizon + 1, from) - 1);
    const guess = lowerBound(ends, start + round.hint + 1, from) - 1;
    const last = lastPassing(from, stop, guess, fitsUpTo);
    if (last < stop || stop === ends.length - 1) return filling(last);
    // All fits up to the horizon; a long next word is measured alone first, a cheap search
    // that spares measuring it whole with this part.
    const [wordStart, wordEnd] = wordAfter(stop);
    if (wordEnd - wordStart > horizonOf(round) && !fitsAlone([wordStart, wordEnd])) {
      return filling(stop);
    }
    from = stop + 1;
    horizon = Math.max(2 * horizon, wordEnd - start);
  }
}

/** The best break at least half as long as the longest part: paragraph, sentence, line, word. */
// Word breaks compete only with a cut word (`fill`). Counts only grow as a part of whole words
// grows, so any boundary before `last` fits too.
function preferredBoundary(
  boundaries: Boundary[],
  first: number,
  last: number,
  start: number,
  longest: number,
  fill: boolean,
): number | undefined {
  const levels = fill ? [PARAGRAPH, SENTENCE, LINE, WORD] : [PARAGRAPH, SENTENCE, LINE];
  for (const level of levels) {
    for (let i = last; i >= first && (boundaries[i]?.end ?? 0) - start >= longest / 2; i--) {
      if ((boundaries[i]?.level ?? WORD) >= level) return i;
    }
  }
  return undefined;
}

/** The furthest grapheme cut in (wordStart, wordEnd] whose part from `start` fits, or `wordStart`. */
// Never inside a link, mention or hashtag; segmented and measured only as far as needed.
function lastFittingCut(
  chunk: Chunk,
  start: number,
  wordStart: number,
  wordEnd: number,
  round: Round,
): number {
  let best = wordStart;
  for (let horizon = horizonOf(round); ; horizon *= 2) {
    const until = Math.min(wordEnd, Math.max(start + horizon, wordStart + 1));
    const cuts = cutsUntil(chunk, wordStart, wordEnd, until);
    const from = lowerBound(cuts, best + 1);
    const stop = lowerBound(cuts, until + 1, from) - 1;
    if (stop >= from) {
      const guess = lowerBound(cuts, start + round.hint + 1, from) - 1;
      const fitsUpTo = (i: number) => round.fits(chunk.text.slice(start, cuts[i] ?? wordEnd));
      const last = lastPassing(from, stop, guess, fitsUpTo);
      if (last >= from) best = cuts[last] ?? wordEnd;
      if (last < stop) return best;
    }
    if (until === wordEnd) return best;
  }
}

/** Ends a part at `cut` inside a word too long for any part; returns where the next one starts. */
function cutWord(chunk: Chunk, start: number, wordEnd: number, cut: number, round: Round): number {
  if (cut > start) {
    round.hint = cut - start;
    pushPart(round.result, chunk.text.slice(start, cut));
    return cut;
  }
  // Not even this link or grapheme fits alone: keep it whole as its own part and say so.
  let cuts = cutsUntil(chunk, start, wordEnd, start + 1);
  for (let reach = 2; lowerBound(cuts, start + 1) === cuts.length; reach *= 2) {
    cuts = cutsUntil(chunk, start, wordEnd, start + reach);
  }
  const tokenEnd = cuts[lowerBound(cuts, start + 1)] ?? wordEnd;
  const token = chunk.text.slice(start, tokenEnd);
  round.result.unsplittable ??= token;
  pushPart(round.result, token);
  return tokenEnd;
}

// A run of no-break spaces between two breaks trims to nothing, and an empty post is no part.
function pushPart(result: SplitResult, part: string): void {
  const trimmed = part.trim();
  if (trimmed !== '') result.parts.push(trimmed);
}

/** The last index in [from, to] where `ok` holds (from - 1 if none), for an `ok` that holds up to a point. */
// Galloping out from a guess keeps the probes near the answer: parts are of similar length, so
// the previous one's is usually a word or two off.
function lastPassing(from: number, to: number, guess: number, ok: (i: number) => boolean): number {
  let good = from - 1;
  let bad = to + 1;
  const start = Math.min(Math.max(guess, from), to);
  if (ok(start)) {
    good = start;
    for (let step = 1; good < to; step *= 2) {
      const probe = Math.min(good + step, to);
      if (!ok(probe)) {
        bad = probe;
        break;
      }
      good = probe;
    }
  } else {
    bad = start;
    for (let step = 1; bad > from; step *= 2) {
      const probe = Math.max(bad - step, from);
      if (ok(probe)) {
        good = probe;
        break;
      }
      bad = probe;
    }
  }
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (ok(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

function findBoundaries(text: string, inside: Uint8Array): Boundary[] {
  const boundaries: Boundary[] = [];
  for (const space of text.matchAll(BREAK_SPACE)) {
    const end = space.index;
    const next = end + space[0].length;
    if (end === 0 || next === text.length) continue;
    const newlines = space[0].split('\n').length - 1;
    let level = newlines > 0 ? LINE : WORD;
    if (endsSentence(text, end)) level = SENTENCE;
    if (newlines > 1) level = PARAGRAPH;
    boundaries.push({ end, next, level });
  }
  for (const stop of text.matchAll(CJK_SENTENCE_END)) {
    const end = stop.index + stop[0].length;
    if (!inside[end]) boundaries.push({ end, next: end, level: SENTENCE });
  }
  boundaries.sort((a, b) => a.end - b.end);
  // The end of the chunk closes the list, so that "the rest fits" is one more candidate.
  boundaries.push({ end: text.length, next: text.length, level: TEXT_END });
  return boundaries;
}

function endsSentence(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && CLOSER.test(text[i - 1] ?? '')) i--;
  return i > 0 && SENTENCE_END.test(text[i - 1] ?? '');
}

function insideOf(chunk: Chunk): Uint8Array {
  if (chunk.inside) return chunk.inside;
  const inside = new Uint8Array(chunk.text.length + 1);
  for (const match of chunk.text.matchAll(PROTECTED)) {
    inside.fill(1, match.index + 1, match.index + match[0].length);
  }
  chunk.inside = inside;
  return inside;
}

/** The word's cut positions, segmented at least as far as `until` (or the word's end). */
// Node 20's Intl.Segmenter slows down quadratically on long strings, so it gets short windows.
function cutsUntil(chunk: Chunk, start: number, wordEnd: number, until: number): number[] {
  const cached = chunk.cuts;
  const cuts =
    cached && cached.wordEnd === wordEnd && cached.from <= start
      ? cached
      : { from: start, wordEnd, positions: [], done: start };
  chunk.cuts = cuts;
  const inside = insideOf(chunk);
  while (cuts.done < Math.min(until, wordEnd)) {
    const at = cuts.done;
    let window = Math.min(wordEnd, at + SEGMENT_WINDOW);
    let starts = clusterStarts(chunk.text, at, window);
    // A cluster longer than the window (Zalgo text) widens it until one ends inside.
    while (window < wordEnd && starts.length < 2) {
      window = Math.min(wordEnd, at + 2 * (window - at));
      starts = clusterStarts(chunk.text, at, window);
    }
    // The window may end inside its last cluster, so that one is segmented again with the next.
    if (window < wordEnd) window = starts.pop() ?? window;
    for (const position of starts) {
      if (position > cuts.from && !inside[position]) cuts.positions.push(position);
    }
    if (window === wordEnd) cuts.positions.push(wordEnd);
    cuts.done = window;
  }
  return cuts.positions;
}

function clusterStarts(text: string, from: number, to: number): number[] {
  return [...graphemeSegmenter().segment(text.slice(from, to))].map(({ index }) => from + index);
}

/** The first index at or after `from` whose value is at least `value`, in an ascending array. */
function lowerBound(values: number[], value: number, from = 0): number {
  let low = from;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] ?? Infinity) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
