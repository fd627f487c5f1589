// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TEXT_CAPS } from '@/utils/capture/sanitize';
import { quoteForPost, selectionText } from '@/utils/capture/selection';
import { countGraphemes } from '@/utils/text/graphemes';

/** A selection as a browser serializes it: toString() already has the block line breaks. */
function fakeSelection(text: string): Selection {
  return { toString: () => text } as Selection;
}

describe('selectionText', () => {
  it.each<[string, string, string]>([
    [
      'paragraphs',
      'First paragraph.\n\nSecond paragraph.',
      'First paragraph.\n\nSecond paragraph.',
    ],
    ['list items', 'Intro:\none\ntwo\nthree', 'Intro:\none\ntwo\nthree'],
    ['trailing spaces and tabs', 'a  \t\nb\t\tc   ', 'a\nb c'],
    ['nested blocks leave many breaks', 'Title\n\n\n\n\nBody', 'Title\n\nBody'],
    ['Windows line endings', 'one\r\ntwo', 'one\ntwo'],
    ['surrounding whitespace', '\n\n   text   \n\n', 'text'],
    ['spoofing characters', 'pay \u202Emoc.evil\u202C now', 'pay moc.evil now'],
    ['right-to-left text', 'שלום\nمرحبا', 'שלום\nمرحبا'],
  ])('%s', (_name, raw, expected) => {
    expect(selectionText(fakeSelection(raw))).toEqual({ text: expected, truncated: false });
  });

  it('caps a long selection at 2,000 graphemes', () => {
    const raw = Array.from({ length: 500 }, (_, i) => `Line ${i} of a long article.`).join('\n');
    const result = selectionText(fakeSelection(raw));
    expect(result.truncated).toBe(true);
    expect(countGraphemes(result.text)).toBeLessThanOrEqual(TEXT_CAPS.selection);
    expect(result.text.endsWith('…')).toBe(true);
    expect(result.text.split('\n').length).toBeGreaterThan(10);
  });

  it('returns nothing without a selection', () => {
    expect(selectionText(null)).toEqual({ text: '', truncated: false });
    expect(selectionText(undefined)).toEqual({ text: '', truncated: false });
  });

  it('returns nothing when the selection throws', () => {
    const broken = {
      toString() {
        throw new Error('gone');
      },
    } as unknown as Selection;
    expect(selectionText(broken)).toEqual({ text: '', truncated: false });
  });

  it('reads a real DOM selection', () => {
    document.body.innerHTML = '<p id="p">Some <b>selected</b> words</p>';
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('p')!);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    expect(selectionText(selection)).toEqual({ text: 'Some selected words', truncated: false });
  });
});

describe('quoteForPost', () => {
  it.each<[string, string, string]>([
    ['single line', 'To be or not to be.', '“To be or not to be.”'],
    ['multi-line keeps its breaks inside one quote', 'Line one\nLine two', '“Line one\nLine two”'],
    ['paragraphs', 'One.\n\nTwo.', '“One.\n\nTwo.”'],
    ['trims', '  spaced  \n', '“spaced”'],
    ['empty', '   ', ''],
    ['already in curly quotes', '“Quoted”', '“Quoted”'],
    ['already in straight quotes', '"Quoted"', '"Quoted"'],
    ['already in guillemets', '« Bonjour »', '« Bonjour »'],
    ['German quotes', '„Hallo“', '„Hallo“'],
    ['CJK brackets', '「こんにちは」', '「こんにちは」'],
    ['a lone quote mark is text', '"', '“"”'],
    ['inner quotes untouched', 'He said “no” twice', '“He said “no” twice”'],
    ['truncated selection', 'Long text…', '“Long text…”'],
  ])('%s', (_name, text, expected) => {
    expect(quoteForPost(text)).toBe(expected);
  });
});
