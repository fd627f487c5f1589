// Threads' documented text rules, written down independently of the extension's own counter:
// "Text posts are limited to 500 characters. Emojis are counted as the number of UTF-8 bytes", and
// at most 5 distinct links (developers.facebook.com/documentation/threads/posts, text-attachments).

export const MAX_TEXT = 500;
export const MAX_LINKS = 5;

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;

export function threadsLength(text: string): number {
  let length = 0;
  for (const { segment } of segmenter.segment(text)) {
    length += EMOJI.test(segment) ? Buffer.byteLength(segment, 'utf8') : 1;
  }
  return length;
}

// Links with a scheme, `www.` ones, and bare domains on common TLDs: enough for the tests to
// hit the cap the way a person would (six addresses in one post).
const LINK =
  /\b(?:https?:\/\/[^\s<>"]+|www\.[^\s<>"]+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|dev|social|app)\b[^\s<>"]*)/giu;

export function distinctLinks(text: string, extra?: string): number {
  const found = new Set(
    [...text.matchAll(LINK)].map((match) => match[0].replace(/[.,;:!?)]+$/u, '').toLowerCase()),
  );
  if (extra) found.add(extra.toLowerCase());
  return found.size;
}
