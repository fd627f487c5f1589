import { formatDateTime, formatNumber } from './format';
import { activeLanguage, hasMessage, t, type MessageKey, type PlaceholderOf } from './messages';

/**
 * A value for a placeholder of a stored message: plain text (a host, a server's own words),
 * a number (written with the reader's digit grouping and decimal sign), another message (worded in the reader's language too), or a moment shown as a
 * clock time in the reader's language.
 */
export type WordValue = string | number | Wording | { time: number };

/**
 * A message kept as its key and values rather than as words, so that what was recorded in
 * one language (an error in the outbox, a note on a post) reads in whatever language the user
 * picks later. Plain data: it goes through messages and IndexedDB unchanged.
 */
export type Wording = {
  [K in MessageKey]: [PlaceholderOf<K>] extends [never]
    ? { key: K; values?: undefined }
    : { key: K; values: Record<PlaceholderOf<K>, WordValue> };
}[MessageKey];

/** The arguments after the key: the placeholders' values when the message has any. */
export type WordingArgs<K extends MessageKey> = [PlaceholderOf<K>] extends [never]
  ? []
  : [Record<PlaceholderOf<K>, WordValue>];

/** A message to be worded where it is read: `words('errors.unreachable', { host })`. */
export function words<K extends MessageKey>(key: K, ...args: WordingArgs<K>): Wording {
  const values = args[0];
  // The mapped union cannot follow a generic K; the arguments were checked against K above.
  return (values === undefined ? { key } : { key, values }) as Wording;
}

/** True for a value that is a stored message rather than plain text. */
export function isWording(value: unknown): value is Wording {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { key?: unknown }).key === 'string'
  );
}

function valueText(value: WordValue, beginsMessage: boolean): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if ('time' in value) return formatDateTime(value.time, { hour: 'numeric', minute: '2-digit' });
  return worded(value, beginsMessage);
}

function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase(activeLanguage()) + text.slice(1);
}

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** Looks a key up by its stored name; the record's shape was checked when it was made. */
const lookUp = t as (key: string, params?: Record<string, string>) => string;

/**
 * The message in the active language, or undefined when this version cannot word it (a key it
 * does not have, a placeholder without a value): the caller then shows its fallback text.
 */
export function wordingText(wording: Wording): string | undefined {
  return worded(wording, true);
}

/**
 * `beginsMessage`: whether this text starts the whole message. Only there does a nested message
 * get a capital ("the server" begins "The server had a problem"); a list's later parts and
 * a part of a part in mid-sentence keep their own case ("…: a.example refused it; …").
 */
function worded(wording: Wording, beginsMessage: boolean): string | undefined {
  if (!hasMessage(wording.key)) return undefined;
  const given: Record<string, WordValue> = wording.values ?? {};
  const values: Record<string, string> = {};
  for (const match of lookUp(wording.key).matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    const value = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : undefined;
    const atStart = beginsMessage && match.index === 0;
    const text = value === undefined ? undefined : valueText(value, atStart);
    if (text === undefined) return undefined;
    // A host name or a server's words never change case; a message of ours may start a sentence.
    values[name] = atStart && isWording(value) ? capitalized(text) : text;
  }
  return lookUp(wording.key, values);
}

/** Text recorded either as words (records older than keys) or as a message to word now. */
export type StoredText = string | Wording;

/** What a stored text says in the active language; old plain-text records read as written. */
export function storedText(text: StoredText): string {
  if (typeof text === 'string') return text;
  return wordingText(text) ?? text.key;
}
