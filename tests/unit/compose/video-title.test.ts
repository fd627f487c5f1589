import { describe, expect, it } from 'vitest';
import { videoTitle } from '@/utils/compose/video-title';
import { validatorLength } from '@/utils/text/validator-length';

const rules = { min: 3, max: 120 };

describe('validatorLength, as validator.js’s isLength counts', () => {
  it.each([
    ['abc', 3],
    ['🌊🌊', 2],
    ['ab\uFE0F', 2],
    ['❤\uFE0F', 1],
    ['é', 1],
  ])('%j is %i characters', (text, length) => {
    expect(validatorLength(text)).toBe(length);
  });
});

describe('a video’s title from the post’s first line', () => {
  it('takes the first line as written when it fits', () => {
    expect(videoTitle('  Harbour at dusk \nmore', 'clip.webm', rules)).toEqual({
      title: 'Harbour at dusk',
      from: 'first-line',
    });
  });

  it('cuts a long line at a word', () => {
    const { title, from } = videoTitle(`${'sea '.repeat(50)}`, 'clip.webm', rules);
    expect(from).toBe('cut');
    expect(title).toMatch(/^sea( sea)*…$/);
    expect([...title].length).toBeLessThanOrEqual(120);
  });

  it('falls back to the file’s name, then to “Video”', () => {
    expect(videoTitle('Hi', 'harbour.webm', rules)).toEqual({ title: 'harbour', from: 'fallback' });
    expect(videoTitle('', 'ab.mp4', rules)).toEqual({ title: 'Video', from: 'fallback' });
  });
});
