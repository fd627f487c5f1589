import type { MeasureText } from '../networks/capabilities';
import type { Account } from '../networks/types';
import type { TextMeasure } from '../text/limits';
import { hasThreadMarker, splitThread, type SplitResult } from '../text/split-thread';

/** One part of what an account gets, measured by that network's rules. */
export interface PartPlan {
  text: string;
  measure: TextMeasure;
}

/** How one text splits and counts for one network's rules and one account's limits. */
export interface MeasuredSplit {
  /** The whole text as one post. Counted on first read: a thread never shows it. */
  readonly whole: TextMeasure;
  parts: PartPlan[];
  /** A single link, mention or hashtag too long for any part. */
  unsplittable?: string;
  /** Splitting stopped after `maxParts + 1` parts: the text would need more than `maxParts`. */
  cut: boolean;
}

export interface MeasuredSplitRequest {
  account: Account;
  /** The account's network's counter. */
  measure: MeasureText;
  text: string;
  spoilerText?: string;
  /** Split automatically where the text does not fit (markers split it in any case). */
  threaded: boolean;
  numbering: boolean;
  /** The most parts a thread may have; past it only "more" matters, so splitting stops. */
  maxParts: number;
}

// Accounts of one network with the same limits count a text the same way, and most renders (a
// checkbox, a warning) leave the texts as they were: a handful of recent results covers both.
const REMEMBERED = 8;
const remembered = new Map<string, MeasuredSplit>();

/** Splits and counts a text for an account, reusing the result for the same text and rules. */
export function measuredSplit(request: MeasuredSplitRequest): MeasuredSplit {
  const { text, threaded, numbering, maxParts } = request;
  const rules = rulesKey(request);
  const key = [rules, threaded, numbering, maxParts, text].join('\u0000');
  const known = remembered.get(key);
  if (known) {
    // Most recently used last, so the oldest is the one dropped.
    remembered.delete(key);
    remembered.set(key, known);
    return known;
  }
  const result =
    reusedBeginning(request, rules) ?? computeSplit(request, countedWith(rules, request));
  remembered.set(key, result);
  if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
  return result;
}

/** What decides how a text counts: the network's rules, the account's limits and the warning. */
function rulesKey({ account, spoilerText = '' }: MeasuredSplitRequest): string {
  return [account.network, JSON.stringify(account.limits), spoilerText].join('\u0000');
}

/**
 * A text far too long for a thread (a pasted article) is decided by its beginning alone, which
 * typing further down does not change: its split is reused, and only the whole is counted anew.
 */
function reusedBeginning(request: MeasuredSplitRequest, rules: string): MeasuredSplit | undefined {
  const { account, text, threaded, maxParts } = request;
  const room = beginningLength(maxParts + 1, account.limits.maxCharacters);
  if (!threaded || text.length <= room) return undefined;
  // Numbering only lengthens parts, so without it is how "too many" is found (see computeSplit).
  const beginning = measuredSplit({ ...request, text: text.slice(0, room), numbering: false });
  if (!beginning.cut) return undefined;
  const counted = countedWith(rules, request);
  let whole: TextMeasure | undefined;
  return {
    get whole() {
      whole ??= counted(text);
      return whole;
    },
    parts: beginning.parts,
    ...(beginning.unsplittable !== undefined && { unsplittable: beginning.unsplittable }),
    cut: true,
  };
}

// Typing changes one part of a thread: every other part is a string counted a keystroke ago.
const COUNTED_PER_RULES = 1024;
const RULES_REMEMBERED = 8;
const counts = new Map<string, Map<string, TextMeasure>>();

/** The account's counter, remembering what it counted for these rules. */
function countedWith(rules: string, request: MeasuredSplitRequest): (part: string) => TextMeasure {
  const { account, measure, spoilerText } = request;
  let known = counts.get(rules);
  if (!known) {
    known = new Map();
    counts.set(rules, known);
    if (counts.size > RULES_REMEMBERED) counts.delete(counts.keys().next().value!);
  }
  const seen = known;
  return (part) => {
    const hit = seen.get(part);
    if (hit) return hit;
    const result = measure(part, account.limits, spoilerText ? { spoilerText } : {});
    seen.set(part, result);
    if (seen.size > COUNTED_PER_RULES) seen.delete(seen.keys().next().value!);
    return result;
  };
}

// How much of a long text is split first, in posts' worth of the account's limit: links count
// shorter than they are, so a post may take more of the text than its limit.
const BEGINNING_SLACK = 3;

/** How much of a text `maxParts` posts may take at most. */
function beginningLength(maxParts: number, maxCharacters: number): number {
  return (maxParts + 1) * maxCharacters * BEGINNING_SLACK;
}

/** Splits only the beginning of a long text when that already gives too many parts. */
function splitBeginning(
  text: string,
  fits: (part: string) => boolean,
  maxParts: number,
  maxCharacters: number,
): SplitResult {
  const options = { auto: true, numbering: false, maxParts };
  const beginning = beginningLength(maxParts, maxCharacters);
  if (text.length > beginning) {
    const split = splitThread(text.slice(0, beginning), fits, options);
    if (split.parts.length >= maxParts) return split;
  }
  return splitThread(text, fits, options);
}

function computeSplit(
  request: MeasuredSplitRequest,
  measureOf: (part: string) => TextMeasure,
): MeasuredSplit {
  const { account, text, threaded, numbering, maxParts } = request;
  const fits = (part: string) => !measureOf(part).over;
  let texts: string[];
  let unsplittable: string | undefined;
  let cut = false;
  if (threaded) {
    // Numbering only lengthens parts, so a text that needs too many parts without it needs too
    // many with it; and if its beginning alone needs too many, so does all of it. A pasted
    // article then costs a few parts' work, not a split (or a scan) of all of it.
    const plain = splitBeginning(text, fits, maxParts + 1, account.limits.maxCharacters);
    cut = plain.parts.length > maxParts;
    const split = cut || !numbering ? plain : splitThread(text, fits, { auto: true, numbering });
    texts = split.parts;
    unsplittable = split.unsplittable;
  } else if (hasThreadMarker(text)) {
    const split = splitThread(text, fits, { auto: false, numbering });
    texts = split.parts;
    unsplittable = split.unsplittable;
  } else {
    texts = text.trim() ? [text.trim()] : [];
  }
  let whole: TextMeasure | undefined;
  return {
    get whole() {
      whole ??= measureOf(text);
      return whole;
    },
    parts: texts.map((part) => ({ text: part, measure: measureOf(part) })),
    ...(unsplittable !== undefined && { unsplittable }),
    cut,
  };
}
