import { describe, expect, it } from 'vitest';
import { decodeHtml } from '@/utils/capture/html-charset';

/** The text as bytes, one byte per character (Latin-1), as a server would send a legacy page. */
function bytes(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

// 0xE9 is "é" in windows-1252 and "И" in KOI8-R, so the last character tells which was used.
describe('decodeHtml: the prescan of the first 1024 bytes', () => {
  it.each<[string, string, string]>([
    ['meta charset', '<meta charset="koi8-r">\xe9', '\u0418'],
    [
      'http-equiv after content',
      '<meta content="text/html; charset=koi8-r" http-equiv="Content-Type">\xe9',
      '\u0418',
    ],
    ['an unknown label is skipped', '<meta charset="bogus"><meta charset="koi8-r">\xe9', '\u0418'],
    ['x-user-defined reads as windows-1252', '<meta charset="x-user-defined">\xe9', '\u00E9'],
    ['a meta in a comment names nothing', '<!-- <meta charset="koi8-r"> -->\xc3\xa9', '\u00E9'],
    [
      'charset= in a description names nothing',
      '<meta name="d" content="charset=koi8-r">\xc3\xa9',
      '\u00E9',
    ],
    ['data-charset names nothing', '<meta data-charset="koi8-r">\xc3\xa9', '\u00E9'],
    [
      'content without http-equiv names nothing',
      '<meta content="text/html; charset=koi8-r">\xc3\xa9',
      '\u00E9',
    ],
    ['UTF-16 named in ASCII markup is UTF-8', '<meta charset=utf-16le>\xc3\xa9', '\u00E9'],
  ])('%s', (_name, html, last) => {
    expect(decodeHtml(bytes(html), null).slice(-1)).toBe(last);
  });

  it('looks no further than 1024 bytes', () => {
    const late = `${' '.repeat(1024)}<meta charset="koi8-r">\xc3\xa9`;
    expect(decodeHtml(bytes(late), null).slice(-1)).toBe('\u00E9');
  });

  it('lets the header and a byte order mark come first', () => {
    const page = '<meta charset="koi8-r">\xe9';
    expect(decodeHtml(bytes(page), 'text/html; charset=windows-1252').slice(-1)).toBe('\u00E9');
    expect(decodeHtml(bytes(`\xef\xbb\xbf${page}`), null).slice(-1)).toBe('\uFFFD');
  });
});
