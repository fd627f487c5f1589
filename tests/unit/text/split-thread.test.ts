import { describe, expect, it } from 'vitest';
import { graphemeSegmenter } from '@/utils/text/graphemes';
import { measureText } from '@/utils/text/limits';
import { THREAD_MARKER } from '@/utils/text/thread-marker';
import {
  hasThreadMarker,
  numberingSuffix,
  splitThread,
  type SplitOptions,
} from '@/utils/text/split-thread';
import { expectLinearGrowth } from '../support/scaling';

type Fits = (part: string) => boolean;

const MASTODON_LIMITS = { maxCharacters: 500, charactersReservedPerUrl: 23 };
const bluesky: Fits = (part) => !measureText('bluesky', part, { maxCharacters: 300 }).over;
const mastodon: Fits = (part) => !measureText('mastodon', part, MASTODON_LIMITS).over;
const upTo =
  (characters: number): Fits =>
  (part) =>
    part.length <= characters;

const AUTO: SplitOptions = { auto: true, numbering: false };
const MANUAL: SplitOptions = { auto: false, numbering: false };
const NUMBERED: SplitOptions = { auto: true, numbering: true };

const VOCABULARY = (
  'river lantern quiet morning harbor signal paper window garden thread copper meadow ' +
  'winter orbit candle echo'
).split(' ');

/** Sentences of seven words from the vocabulary, just under `length` characters in all. */
function prose(seed: number, length: number): string {
  let text = '';
  for (let i = 0; ; i++) {
    const word = VOCABULARY[(seed + i) % VOCABULARY.length] ?? '';
    const next = i === 0 ? word : `${text}${i % 7 === 0 ? '. ' : ' '}${word}`;
    if (next.length >= length) return `${text}.`;
    text = next;
  }
}

const PARAGRAPHS = [0, 5, 9, 13].map((seed) => prose(seed, 222));
const FOUR_PARAGRAPHS = PARAGRAPHS.join('\n\n');
const LONG_URL = `https://www.example.com/${'very-long-path/'.repeat(12)}index.html?ref=thread`;
const HUGE_URL = `https://example.com/${'segment/'.repeat(375)}`;
const FAMILY = '👨‍👩‍👧‍👦';
const FLAGS = '🇫🇷🇩🇪🇯🇵';
const NUMBER_SUFFIX = /\n\n\d+\/\d+$/;

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const graphemes = (text: string) => [...graphemeSegmenter().segment(text)].map((s) => s.segment);
const withoutMarkers = (text: string) => text.replace(/^[^\S\r\n]*---[^\S\r\n]*\r?$/gm, ' ');

/** What every split must hold: parts fit, are trimmed and non-empty, and keep every word whole. */
function expectSound(text: string, parts: string[], fits: Fits): void {
  for (const part of parts) {
    expect(fits(part), part).toBe(true);
    expect(part).toBe(part.trim());
    expect(part.replace(NUMBER_SUFFIX, '').trim()).not.toBe('');
  }
  const joined = parts.map((part) => part.replace(NUMBER_SUFFIX, '')).join(' ');
  expect(words(joined)).toEqual(words(withoutMarkers(text)));
}

describe('the fixture', () => {
  it('is four paragraphs of about 220 characters, 900 in all', () => {
    for (const paragraph of PARAGRAPHS) expect(paragraph.length).toBeGreaterThan(200);
    for (const paragraph of PARAGRAPHS) expect(paragraph.length).toBeLessThan(240);
    expect(FOUR_PARAGRAPHS.length).toBeGreaterThan(850);
    expect(FOUR_PARAGRAPHS.length).toBeLessThan(950);
  });
});

describe('splitThread on real counters', () => {
  const urls = Array.from({ length: 14 }, (_, i) => `Part ${i} is at ${LONG_URL}&n=${i} today.`);
  it.each<[string, string, Fits, string[] | number]>([
    ['four paragraphs, one per Bluesky post', FOUR_PARAGRAPHS, bluesky, PARAGRAPHS],
    [
      'four paragraphs, two per Mastodon post',
      FOUR_PARAGRAPHS,
      mastodon,
      [PARAGRAPHS.slice(0, 2).join('\n\n'), PARAGRAPHS.slice(2).join('\n\n')],
    ],
    ['long URLs, counted as 23 by Mastodon', urls.join(' '), mastodon, 2],
    ['long URLs, shortened by Bluesky', urls.join('\n'), bluesky, 3],
    ['one long paragraph of sentences', prose(3, 1000), bluesky, 4],
    ['a 3,000-character link that Bluesky shortens', `See ${HUGE_URL} today`, bluesky, 1],
    [
      'a 3,000-character link among words on Mastodon',
      `${prose(1, 700)} ${HUGE_URL} end.`,
      mastodon,
      2,
    ],
  ])('%s', (_name, text, fits, expected) => {
    const { parts, unsplittable } = splitThread(text, fits, AUTO);
    expectSound(text, parts, fits);
    expect(unsplittable).toBeUndefined();
    if (typeof expected === 'number') expect(parts).toHaveLength(expected);
    else expect(parts).toEqual(expected);
  });

  it('keeps every long URL whole, on Mastodon though each is far longer than 23', () => {
    const text = urls.join(' ');
    expect(text.length).toBeGreaterThan(1000);
    const { parts } = splitThread(text, mastodon, AUTO);
    urls.forEach((_, i) => expect(parts.join(' ')).toContain(`${LONG_URL}&n=${i}`));
  });

  it('ends every part but the last at a sentence end', () => {
    const { parts } = splitThread(prose(3, 1000), bluesky, AUTO);
    for (const part of parts) expect(part).toMatch(/\.$/);
  });

  it('gives shorter parts when the Mastodon content warning counts too', () => {
    const spoilerText = 'Spoilers for the whole season. '.repeat(6);
    const withWarning: Fits = (part) =>
      !measureText('mastodon', part, MASTODON_LIMITS, { spoilerText }).over;
    const { parts } = splitThread(FOUR_PARAGRAPHS, withWarning, AUTO);
    expectSound(FOUR_PARAGRAPHS, parts, withWarning);
    expect(parts).toEqual(PARAGRAPHS);
  });
});

describe('splitThread never cuts a grapheme', () => {
  it.each<[string, string, Fits]>([
    ['ZWJ families past Bluesky bytes', FAMILY.repeat(400), bluesky],
    ['flags, whose halves pair up wrongly if cut', FLAGS.repeat(200), bluesky],
    ['skin tones and combining marks', '👍🏽e\u0301'.repeat(400), upTo(37)],
    ['Japanese without spaces', '日本語の文章を書きます'.repeat(100), bluesky],
    ['Japanese on Mastodon', '日本語の文章を書きます'.repeat(100), mastodon],
  ])('%s', (_name, text, fits) => {
    const { parts, unsplittable } = splitThread(text, fits, AUTO);
    expect(parts.length).toBeGreaterThan(1);
    expect(unsplittable).toBeUndefined();
    expect(parts.join('')).toBe(text);
    const clusters = new Set(graphemes(text));
    for (const part of parts) {
      expect(fits(part)).toBe(true);
      for (const cluster of graphemes(part)) expect(clusters.has(cluster), cluster).toBe(true);
    }
  });

  it('ends Japanese parts at 。 when there is one', () => {
    const text = '今日は晴れています。散歩に行きましょう！'.repeat(40);
    const { parts } = splitThread(text, bluesky, AUTO);
    expect(parts.join('')).toBe(text);
    for (const part of parts) expect(part).toMatch(/[。！]$/);
  });

  it('keeps a closing bracket with its 。', () => {
    const text = '「はい。」と言った。'.repeat(3);
    expect(splitThread(text, upTo(12), AUTO).parts).toEqual(Array(3).fill('「はい。」と言った。'));
  });
});

describe('splitThread picks the best boundary', () => {
  it.each<[string, string, number, string[]]>([
    [
      'a paragraph break over a later sentence end',
      'First paragraph here.\n\nSecond one. It goes on',
      40,
      ['First paragraph here.', 'Second one. It goes on'],
    ],
    [
      'a sentence end over a later line break',
      'One sentence ends here! And then\nsome more words',
      40,
      ['One sentence ends here!', 'And then\nsome more words'],
    ],
    [
      'a sentence end in quotes',
      'He said "stop." Then he left the room at once',
      30,
      ['He said "stop."', 'Then he left the room at once'],
    ],
    [
      'a line break over a later word break',
      'roses are red\nviolets are blue',
      24,
      ['roses are red', 'violets are blue'],
    ],
    [
      'the word break when the better one gives a tiny part',
      'Hi.\n\nthis paragraph goes on and on without any stop at all',
      30,
      ['Hi.\n\nthis paragraph goes on', 'and on without any stop at all'],
    ],
    [
      'blank lines kept inside a part',
      'a\n\n\nb\n\nc ' + 'd '.repeat(20),
      30,
      [`a\n\n\nb\n\nc${' d'.repeat(11)}`, 'd d d d d d d d d'],
    ],
    [
      'no-break spaces as part of the word',
      'aaaa\u00A0bbbb\u00A0cccc dddd',
      16,
      ['aaaa\u00A0bbbb\u00A0cccc', 'dddd'],
    ],
    [
      'a word too long for any part, started in the part before it',
      `ab ${'x'.repeat(25)}`,
      10,
      ['ab xxxxxxx', 'x'.repeat(10), 'x'.repeat(8)],
    ],
    [
      'a plain word longer than a part, cut as a last resort',
      `short ${'x'.repeat(25)} end`,
      10,
      ['short', 'x'.repeat(10), 'x'.repeat(10), 'xxxxx end'],
    ],
  ])('%s', (_name, text, limit, expected) => {
    const { parts, unsplittable } = splitThread(text, upTo(limit), AUTO);
    expect(parts).toEqual(expected);
    expect(unsplittable).toBeUndefined();
  });
});

describe('splitThread at manual markers', () => {
  it.each<[string, string, SplitOptions, Fits, string[]]>([
    ['without auto', 'one\n---\ntwo', MANUAL, bluesky, ['one', 'two']],
    ['with spaces around', 'one\n  ---\t\ntwo', MANUAL, bluesky, ['one', 'two']],
    ['with CRLF line ends', 'one\r\n---\r\ntwo\r\n', MANUAL, bluesky, ['one', 'two']],
    ['dropping empty chunks', '---\none\n---\n \n---\n\ntwo\n---', MANUAL, bluesky, ['one', 'two']],
    ['only markers', '---\n---', AUTO, bluesky, []],
    ['not inside a line', 'a --- b\n--- c\n----', MANUAL, bluesky, ['a --- b\n--- c\n----']],
    [
      'leaving an over-long chunk whole without auto',
      'a chunk far too long\n---\nb',
      MANUAL,
      upTo(10),
      ['a chunk far too long', 'b'],
    ],
    [
      'and splitting it further with auto',
      'a chunk far too long\n---\nb',
      AUTO,
      upTo(10),
      ['a chunk', 'far too', 'long', 'b'],
    ],
    [
      'numbered without auto',
      'one\n---\ntwo\n---\nthree',
      { auto: false, numbering: true },
      bluesky,
      ['one\n\n1/3', 'two\n\n2/3', 'three\n\n3/3'],
    ],
    [
      'numbered with auto, counting across chunks',
      'a chunk far too long\n---\nb',
      NUMBERED,
      upTo(16),
      ['a chunk far\n\n1/3', 'too long\n\n2/3', 'b\n\n3/3'],
    ],
  ])('%s', (_name, text, options, fits, expected) => {
    expect(splitThread(text, fits, options).parts).toEqual(expected);
  });

  it.each<[string, boolean]>([
    ['one\n---\ntwo', true],
    ['---', true],
    ['  ---  ', true],
    ['one\r\n---\r\ntwo', true],
    ['one --- two', false],
    ['----', false],
    ['--- x', false],
    ['', false],
  ])('hasThreadMarker(%j) is %s', (text, expected) => {
    expect(hasThreadMarker(text)).toBe(expected);
  });

  it('names the marker the composer shows', () => {
    expect(THREAD_MARKER).toBe('---');
  });
});

describe('splitThread numbering', () => {
  it('adds 1/n..n/n and every part still fits', () => {
    const { parts } = splitThread(FOUR_PARAGRAPHS, bluesky, NUMBERED);
    expectSound(FOUR_PARAGRAPHS, parts, bluesky);
    expect(parts.map((part) => NUMBER_SUFFIX.exec(part)?.[0])).toEqual(
      [1, 2, 3, 4].map((i) => numberingSuffix(i, 4)),
    );
  });

  it('reserves a wider suffix when the count crosses from 9 to 10', () => {
    const text = Array.from({ length: 60 }, (_, i) => `w${String(i).padStart(2, '0')}`).join(' ');
    expect(splitThread(text, upTo(30), AUTO).parts).toHaveLength(9);
    const { parts } = splitThread(text, upTo(30), NUMBERED);
    expectSound(text, parts, upTo(30));
    expect(parts).toHaveLength(10);
    expect(parts[0]).toBe('w00 w01 w02 w03 w04 w05\n\n1/10');
    expect(parts[9]).toBe('w54 w55 w56 w57 w58 w59\n\n10/10');
  });

  it.each<[string, string, Fits, string[]]>([
    ['one part gets no number', 'Just one post.', bluesky, ['Just one post.']],
    ['even when the number would not fit', 'x'.repeat(300), bluesky, ['x'.repeat(300)]],
  ])('%s', (_name, text, fits, expected) => {
    expect(splitThread(text, fits, NUMBERED).parts).toEqual(expected);
  });

  it('formats the suffix', () => {
    expect(numberingSuffix(3, 12)).toBe('\n\n3/12');
  });
});

describe('splitThread with a token that cannot fit', () => {
  const url = 'https://example.com/a/very/long/path';
  it.each<[string, string, string, string[]]>([
    ['a URL', `see ${url} ok`, url, ['see', url, 'ok']],
    ['a URL glued to a word', `see:${url}`, url, ['see:', url]],
    [
      'a mention',
      'hi @someone@very-long.example.social',
      '@someone@very-long.example.social',
      ['hi', '@someone@very-long.example.social'],
    ],
    [
      'a hashtag',
      '#AVeryLongHashtagIndeedYes now',
      '#AVeryLongHashtagIndeedYes',
      ['#AVeryLongHashtagIndeedYes', 'now'],
    ],
  ])('%s', (_name, text, token, expected) => {
    const { parts, unsplittable } = splitThread(text, upTo(20), AUTO);
    expect(unsplittable).toBe(token);
    expect(parts).toEqual(expected);
  });
});

describe('splitThread on short or blank text', () => {
  it.each<[string, string, SplitOptions, string[]]>([
    ['empty', '', AUTO, []],
    ['blank', '  \n\n\t ', NUMBERED, []],
    ['fitting, trimmed', '  Hello, world!\n\n', AUTO, ['Hello, world!']],
    ['fitting, numbered', 'Hello\n\nworld', NUMBERED, ['Hello\n\nworld']],
    ['too long without auto stays whole', 'x '.repeat(400), MANUAL, ['x '.repeat(400).trim()]],
  ])('%s', (_name, text, options, expected) => {
    expect(splitThread(text, bluesky, options).parts).toEqual(expected);
  });
});

describe('splitThread speed', () => {
  const texts: Array<[string, (scale: number) => string]> = [
    ['prose', (scale) => Array.from({ length: 12 * scale }, (_, i) => prose(i, 900)).join('\n\n')],
    ['unspaced Japanese', (scale) => '日本語の文章を書きます'.repeat(910 * scale)],
  ];

  it.each(texts)('splits 10,000 characters of %s with few counter calls', (_name, textOf) => {
    const text = textOf(1);
    expect(text.length).toBeGreaterThanOrEqual(10_000);
    let calls = 0;
    const counted: Fits = (part) => {
      calls++;
      return bluesky(part);
    };
    const { parts } = splitThread(text, counted, NUMBERED);
    expect(parts.length).toBeGreaterThan(30);
    expect(parts.every(bluesky)).toBe(true);
    // A handful of calls per part, each on about one part: no count of the whole text per part.
    expect(calls).toBeLessThan(parts.length * 8);
  });

  // Prose splits in a few milliseconds per 10,000 characters, too little to time steadily: it is
  // timed from 40,000 characters up. Japanese is slower per character: from 1,250 up.
  it.each([
    [texts[0]![0], texts[0]![1], 4],
    [texts[1]![0], texts[1]![1], 1 / 8],
  ] as const)('splits %s in time proportional to its length', (_name, textOf, base) => {
    expectLinearGrowth((scale) => {
      const text = textOf(base * scale);
      return () => splitThread(text, bluesky, NUMBERED);
    });
  });
});
