let segmenter: Intl.Segmenter | undefined;

/** The one grapheme segmenter every counter shares. */
export function graphemeSegmenter(): Intl.Segmenter {
  // Building a segmenter loads ICU data, so the popup keeps one for every keystroke.
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter;
}

/** User-perceived characters (extended grapheme clusters), as Intl.Segmenter splits them. */
export function countGraphemes(text: string): number {
  if (text === '') return 0;
  // In ASCII every character is its own grapheme but CR LF; segmenting long texts is slow.
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.length - (text.match(/\r\n/g)?.length ?? 0);
  const segments = graphemeSegmenter().segment(text)[Symbol.iterator]();
  let count = 0;
  while (!segments.next().done) count++;
  return count;
}

/** Bytes of the text in UTF-8, as TextEncoder would produce (a lone surrogate becomes U+FFFD). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Unicode code points, a surrogate pair counting once (ajv's ucs2length, Ruby's String#length). */
export function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    count++;
  }
  return count;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
