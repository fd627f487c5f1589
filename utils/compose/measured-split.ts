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
  const { account, text, spoilerText = '', threaded, numbering, maxParts } = request;
  const key = [
    account.network,
    JSON.stringify(account.limits),
    spoilerText,
    threaded,
    numbering,
    maxParts,
    text,
  ].join('\u0000');
  const known = remembered.get(key);
  if (known) {
    // Most recently used last, so the oldest is the one dropped.
    remembered.delete(key);
    remembered.set(key, known);
    return known;
  }
  const result = computeSplit(request, spoilerText);
  remembered.set(key, result);
  if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
  return result;
}

// How much of a long text is split first, in posts' worth of the account's limit: links count
// shorter than they are, so a post may take more of the text than its limit.
const BEGINNING_SLACK = 3;

/** Splits only the beginning of a long text when that already gives too many parts. */
function splitBeginning(
  text: string,
  fits: (part: string) => boolean,
  maxParts: number,
  maxCharacters: number,
): SplitResult {
  const options = { auto: true, numbering: false, maxParts };
  const beginning = (maxParts + 1) * maxCharacters * BEGINNING_SLACK;
  if (text.length > beginning) {
    const split = splitThread(text.slice(0, beginning), fits, options);
    if (split.parts.length >= maxParts) return split;
  }
  return splitThread(text, fits, options);
}

function computeSplit(request: MeasuredSplitRequest, spoilerText: string): MeasuredSplit {
  const { account, measure, text, threaded, numbering, maxParts } = request;
  const measureOf = (part: string) =>
    measure(part, account.limits, spoilerText ? { spoilerText } : {});
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
