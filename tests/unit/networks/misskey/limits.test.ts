import { describe, expect, it } from 'vitest';
import { limitsFromMeta, measureNote } from '@/utils/networks/misskey/limits';

describe('limits from /api/meta', () => {
  it('takes the text limit and the smaller of the upload and drive caps', () => {
    expect(
      limitsFromMeta({ maxNoteTextLength: 8000, maxFileSize: 262_144_000, driveCapacityMb: 100 }),
    ).toEqual({
      maxCharacters: 8000,
      maxMediaAttachments: 16,
      altTextLimit: 512,
      imageSizeLimit: 100 * 1024 * 1024,
    });
    expect(limitsFromMeta({ maxNoteTextLength: 3000 })).not.toHaveProperty('imageSizeLimit');
  });
});

describe('measuring a note', () => {
  it('counts the text as the server does', () => {
    const emoji = '😀'.repeat(3000);
    const onMisskey = measureNote(emoji, { maxCharacters: 3000 }, { counting: 'code-points' });
    expect(onMisskey).toMatchObject({ used: 3000, over: false, remaining: 0 });
    const onSharkey = measureNote(emoji, { maxCharacters: 3000 }, { counting: 'utf16' });
    expect(onSharkey).toMatchObject({ used: 6000, over: true, remaining: -3000 });
  });

  it('holds the content warning to its own cap', () => {
    const atCap = measureNote(
      'x',
      { maxCharacters: 3000 },
      {
        counting: 'code-points',
        spoilerText: 'w'.repeat(100),
      },
    );
    expect(atCap.over).toBe(false);
    const over = measureNote(
      'x',
      { maxCharacters: 3000 },
      {
        counting: 'code-points',
        spoilerText: 'w'.repeat(101),
      },
    );
    expect(over).toMatchObject({
      over: true,
      detail: 'content warning at most 100 characters: 101 used',
    });
    const sharkey = measureNote(
      'x',
      { maxCharacters: 3000 },
      {
        counting: 'utf16',
        spoilerText: 'w'.repeat(300),
        maxCw: 500,
      },
    );
    expect(sharkey.over).toBe(false);
  });
});
