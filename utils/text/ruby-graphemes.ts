import { decodeRanges, lookupRange, type RangeTable } from './unicode-ranges';
import { EXTENDED_PICTOGRAPHIC_15, GRAPHEME_BREAK_15 } from './unicode-15-tables';

// Ruby's String#each_grapheme_cluster, which Mastodon's StatusLengthValidator counts with. Ruby 3.4
// implements the extended grapheme clusters of UAX #29 for Unicode 15.0: without rule GB9c (Indic
// conjuncts, added in 15.1), so "क्ष" is two clusters on the server while Intl.Segmenter, which
// applies GB9c, makes it one. Its data is 15.0's too, hence generated tables, not \p{...}.

const OTHER = 0;
const CR = 1;
const LF = 2;
const CONTROL = 3;
const EXTEND = 4;
const ZWJ = 5;
const REGIONAL_INDICATOR = 6;
const PREPEND = 7;
const SPACING_MARK = 8;
const L = 9;
const V = 10;
const T = 11;
const LV = 12;
const LVT = 13;

const TAGS: Record<string, number> = {
  r: CR,
  n: LF,
  c: CONTROL,
  e: EXTEND,
  z: ZWJ,
  i: REGIONAL_INDICATOR,
  p: PREPEND,
  s: SPACING_MARK,
  l: L,
  v: V,
  t: T,
};

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const HANGUL_T_COUNT = 28;

let breakTable: RangeTable | undefined;
let pictographicTable: RangeTable | undefined;

function breakProperty(codePoint: number): number {
  if (codePoint >= HANGUL_FIRST && codePoint <= HANGUL_LAST) {
    return (codePoint - HANGUL_FIRST) % HANGUL_T_COUNT === 0 ? LV : LVT;
  }
  breakTable ??= decodeRanges(GRAPHEME_BREAK_15, (tag) => TAGS[tag] ?? OTHER);
  return lookupRange(breakTable, codePoint);
}

function isPictographic(codePoint: number): boolean {
  // Below U+00A9 nothing is pictographic; most text never reaches the table.
  if (codePoint < 0xa9) return false;
  pictographicTable ??= decodeRanges(EXTENDED_PICTOGRAPHIC_15);
  return lookupRange(pictographicTable, codePoint) === 1;
}

/** What the rules need to know about the text before the current code point. */
interface Context {
  previous: number;
  /** GB11: the text so far ends with Extended_Pictographic Extend*. */
  pictographRun: boolean;
  /** GB11: the text so far ends with Extended_Pictographic Extend* ZWJ. */
  pictographZwj: boolean;
  /** GB12, GB13: regional indicators right before the current code point. */
  regionalIndicators: number;
}

/** Whether UAX #29 (15.0, so no GB9c) keeps the code point in the cluster before it. */
function joins(context: Context, after: number, pictographic: boolean): boolean {
  const before = context.previous;
  if (before === CR && after === LF) return true; // GB3
  if (before === CR || before === LF || before === CONTROL) return false; // GB4
  if (after === CR || after === LF || after === CONTROL) return false; // GB5
  if (before === L && (after === L || after === V || after === LV || after === LVT)) return true;
  if ((before === LV || before === V) && (after === V || after === T)) return true; // GB7
  if ((before === LVT || before === T) && after === T) return true; // GB8
  if (after === EXTEND || after === ZWJ || after === SPACING_MARK) return true; // GB9, GB9a
  if (before === PREPEND) return true; // GB9b
  if (context.pictographZwj && pictographic) return true; // GB11
  if (after === REGIONAL_INDICATOR) return context.regionalIndicators % 2 === 1; // GB12, GB13
  return false; // GB999
}

/** UTF-16 offsets where Ruby's grapheme clusters start, in order (0 first for a non-empty text). */
export function rubyGraphemeStarts(text: string): number[] {
  const starts: number[] = [];
  const context: Context = {
    previous: -1,
    pictographRun: false,
    pictographZwj: false,
    regionalIndicators: 0,
  };
  for (let i = 0; i < text.length;) {
    const codePoint = text.codePointAt(i) ?? 0;
    const property = breakProperty(codePoint);
    const pictographic = isPictographic(codePoint);
    if (context.previous === -1 || !joins(context, property, pictographic)) starts.push(i);
    context.pictographZwj = property === ZWJ && context.pictographRun;
    context.pictographRun = pictographic || (property === EXTEND && context.pictographRun);
    context.regionalIndicators =
      property === REGIONAL_INDICATOR ? context.regionalIndicators + 1 : 0;
    context.previous = property;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return starts;
}

/** Grapheme clusters as current Mastodon (Ruby 3.4, Unicode 15.0) counts them. */
export function countRubyGraphemes(text: string): number {
  // In ASCII every character is its own cluster but CR LF.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.length - (text.match(/\r\n/g)?.length ?? 0);
  return rubyGraphemeStarts(text).length;
}
