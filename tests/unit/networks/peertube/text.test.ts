import { describe, expect, it } from 'vitest';
import { filenameFor, sessionKeyOf, videoMetadata } from '@/utils/networks/peertube/metadata';
import { measureVideoText, tagsOf, videoWords } from '@/utils/networks/peertube/text';

/** A clip as the draft keeps it: what the metadata is made from. */
const clip = {
  id: 'v',
  name: 'Sunset.mp4',
  alt: '',
  type: 'video/mp4',
  bytes: 1,
  durationMs: 1,
  width: 1,
  height: 1,
};

describe('a post as a PeerTube video', () => {
  it.each([
    [
      'Cat on a boat\n\nShe sailed all day.',
      { title: 'Cat on a boat', description: 'She sailed all day.' },
    ],
    ['Only a title', { title: 'Only a title' }],
    ['Hi\nA longer description', { title: '', description: 'A longer description' }],
    ['Title\nok', { title: 'Title' }],
    ['', { title: '' }],
  ])('splits %j into title and description', (text, words) => {
    expect(videoWords(text)).toEqual(words);
  });

  it('cuts a long first line at a word to 120 characters and keeps it whole in the description', () => {
    const first = `${'word '.repeat(40)}end`;
    const { title, description } = videoWords(`${first}\nmore`);
    expect([...title].length).toBeLessThanOrEqual(120);
    expect(title.endsWith('word…')).toBe(true);
    expect(description).toBe(`${first}\n\nmore`);
  });

  it('takes the hashtags as tags: five at most, 2 to 30 characters, no repeats', () => {
    expect(tagsOf('#a #cats #Cats #boats #sea #sky #sun #moon x#no')).toEqual([
      'cats',
      'boats',
      'sea',
      'sky',
      'sun',
    ]);
    expect(tagsOf(`#${'x'.repeat(31)} #ok`)).toEqual(['ok']);
  });

  it('counts the description against the account limit', () => {
    const text = `Title\n${'a'.repeat(11)}`;
    expect(measureVideoText(text, { maxCharacters: 10, maxMediaAttachments: 0 })).toMatchObject({
      used: 11,
      over: true,
    });
  });

  it('names the file by its real container and asks for the same session for the same clip', () => {
    expect(filenameFor({ name: 'clip.mp4', type: 'video/webm' })).toBe('clip.webm');
    expect(filenameFor({ name: '', type: 'video/mp4' })).toBe('video.mp4');
    expect(sessionKeyOf('abc')).toBe(sessionKeyOf('abc'));
    expect(sessionKeyOf('abc')).not.toBe(sessionKeyOf('abd'));
  });

  it('falls back to the clip’s name for a title when the text has no usable first line', () => {
    const meta = videoMetadata({ text: '', visibility: 'private' }, clip, {
      channelId: 3,
      category: 15,
    });
    expect(meta).toMatchObject({
      name: 'Sunset',
      channelId: 3,
      category: 15,
      privacy: 3,
      filename: 'Sunset.mp4',
    });
    expect(meta).not.toHaveProperty('nsfw');
  });
});

describe('the warning as PeerTube’s nsfwSummary (3–250 characters)', () => {
  const settings = { channelId: 3 };

  it('sends a warning PeerTube takes as it is, with nsfw', () => {
    const meta = videoMetadata(
      { text: 'Sunset', spoilerText: ' Flicker ', sensitive: true },
      clip,
      settings,
    );
    expect(meta).toMatchObject({ nsfw: true, nsfwSummary: 'Flicker' });
  });

  it('marks the video sensitive without a summary PeerTube would refuse as too short', () => {
    const meta = videoMetadata(
      { text: 'Sunset', spoilerText: 'CW', sensitive: true },
      clip,
      settings,
    );
    expect(meta).toMatchObject({ nsfw: true });
    expect(meta).not.toHaveProperty('nsfwSummary');
  });

  it('never sends more than 250 characters, counted as validator.js counts them', () => {
    const emoji = videoMetadata({ text: 'Sunset', spoilerText: '🌅'.repeat(250) }, clip, settings);
    expect(emoji.nsfwSummary).toBe('🌅'.repeat(250));
    const long = videoMetadata({ text: 'Sunset', spoilerText: 'x'.repeat(300) }, clip, settings);
    expect(long.nsfwSummary).toBe('x'.repeat(250));
  });
});
