import { cleanText, TEXT_CAPS, type CleanText } from './sanitize';

/** What the user selected, as plain text with its line breaks, capped to TEXT_CAPS.selection. */
export function selectionText(selection: Selection | null | undefined): CleanText {
  let raw = '';
  try {
    // toString() follows rendering, so block elements come out as separate lines.
    raw = selection?.toString() ?? '';
  } catch {
    // A selection in a document being torn down can throw; an empty capture is the honest answer.
  }
  return cleanText(raw, { maxLength: TEXT_CAPS.selection, multiline: true });
}

// Openers and closers of a passage that is already quoted, in the styles people actually use.
const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['„', '“'],
  ['"', '"'],
  ['«', '»'],
  ['»', '«'],
  ['「', '」'],
  ['『', '』'],
];

/** A selection as a quote for a post: “…” around the whole text, line breaks kept inside. */
export function quoteForPost(text: string): string {
  // Neither Mastodon nor Bluesky renders Markdown, so `> ` prefixes would show as literal `>`
  // on every line, cost two of Bluesky's 300 graphemes per line, and be read out as "greater
  // than" by screen readers. Typographic quotes read as a quotation everywhere, for two graphemes.
  const body = text.trim();
  if (!body) return '';
  const quoted = QUOTE_PAIRS.some(
    ([open, close]) => body.length > 1 && body.startsWith(open) && body.endsWith(close),
  );
  return quoted ? body : `“${body}”`;
}
