import { describe, expect, it } from 'vitest';
import { countCodePoints, countGraphemes, utf8Length } from '@/utils/text/graphemes';

const encoder = new TextEncoder();

// [name, text, graphemes, code points]
const samples: Array<[string, string, number, number]> = [
  ['empty', '', 0, 0],
  ['ASCII', 'Hello, world!', 13, 13],
  ['emoji with skin tone', '👍🏽', 1, 2],
  ['ZWJ family', '👨‍👩‍👧‍👦', 1, 7],
  ['flag', '🇫🇷', 1, 2],
  ['two flags', '🇫🇷🇩🇪', 2, 4],
  ['keycap', '1️⃣', 1, 3],
  ['combining acute (e + U+0301)', 'e\u0301', 1, 2],
  ['precomposed é', 'é', 1, 1],
  ['CJK', '日本語のテキスト', 8, 8],
  ['Arabic', 'مرحبا بالعالم', 13, 13],
  ['Hebrew with points', 'שָׁלוֹם', 4, 7],
  ['Hangul jamo', '\u1100\u1161\u11A8', 1, 3],
  ['CRLF', 'a\r\nb', 3, 4],
];

describe('countGraphemes', () => {
  it.each(samples)('%s', (_name, text, graphemes) => {
    expect(countGraphemes(text)).toBe(graphemes);
  });
});

describe('countCodePoints', () => {
  it.each(samples)('%s', (_name, text, _graphemes, codePoints) => {
    expect(countCodePoints(text)).toBe(codePoints);
  });

  it('counts a lone surrogate once, as ajv does', () => {
    expect(countCodePoints('\uD800x')).toBe(2);
  });
});

describe('utf8Length', () => {
  it.each(samples)('%s matches TextEncoder', (_name, text) => {
    expect(utf8Length(text)).toBe(encoder.encode(text).length);
  });

  it.each([
    ['lone high surrogate', '\uD800'],
    ['lone low surrogate', 'a\uDC00'],
    ['reversed pair', '\uDC00\uD800'],
    ['two-byte', 'ßü'],
  ])('%s matches TextEncoder', (_name, text) => {
    expect(utf8Length(text)).toBe(encoder.encode(text).length);
  });
});
