import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countRubyGraphemes, rubyGraphemeStarts } from '@/utils/text/ruby-graphemes';

// Unicode's own conformance test for UAX #29 at 15.0, the version Ruby 3.4 (so Mastodon) uses:
// lines of `÷ code × code ÷`, where ÷ is a break and × none.
const TEST_FILE = join(import.meta.dirname, 'fixtures/GraphemeBreakTest-15.0.0.txt');

function conformanceCases(): Array<[string, string, number[]]> {
  return readFileSync(TEST_FILE, 'utf8')
    .split('\n')
    .map((line) => [line.split('#')[0]?.trim() ?? '', line] as const)
    .filter(([body]) => body !== '')
    .map(([body, line]) => {
      const tokens = body.split(/\s+/);
      let text = '';
      const starts: number[] = [];
      for (let i = 1; i < tokens.length; i += 2) {
        if (tokens[i - 1] === '÷') starts.push(text.length);
        text += String.fromCodePoint(parseInt(tokens[i] ?? '', 16));
      }
      return [line.split('#')[1]?.trim() ?? body, text, starts];
    });
}

describe('rubyGraphemeStarts', () => {
  const cases = conformanceCases();

  it('reads the whole conformance file', () => {
    expect(cases).toHaveLength(602);
  });

  it.each(cases)('%s', (_name, text, starts) => {
    expect(rubyGraphemeStarts(text)).toEqual(starts);
  });
});

describe('countRubyGraphemes', () => {
  it.each([
    ['empty', '', 0],
    ['ASCII with CR LF', 'a\r\nb', 3],
    ['emoji ZWJ family', '👨‍👩‍👧‍👦', 1],
    ['flags pair up', '🇫🇷🇩🇪🇮', 3],
    ['Hangul syllables and jamo', '한국\u1100\u1161\u11A8', 3],
    // Where Intl.Segmenter (GB9c, Unicode 15.1 and later) joins a conjunct, Ruby does not.
    ['Devanagari conjunct', 'क्ष', 2],
    ['Malayalam conjunct', '\u0D15\u0D4D\u0D37', 2],
  ])('%s', (_name, text, count) => {
    expect(countRubyGraphemes(text)).toBe(count);
  });
});
