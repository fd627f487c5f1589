import { describe, expect, it } from 'vitest';
import { inspectImage } from '@/utils/media/inspect';

// Pictures are decoded with createImageBitmap, which only browsers have (see attach.spec.ts);
// files that are not pictures are turned away before any decoding, so Node can check those.
describe('inspectImage', () => {
  it('names a text file posing as a JPEG', async () => {
    const file = new File(['shopping list\n- milk\n'], 'notes.jpg', { type: 'image/jpeg' });
    await expect(inspectImage(file)).rejects.toMatchObject({
      kind: 'validation',
      message:
        'notes.jpg is not an image: it contains text. Attach a JPEG, PNG, GIF or WebP picture.',
    });
  });

  it('explains HEIC photos and empty files', async () => {
    const heic = new Uint8Array(
      [0, 0, 0, 24, ...'ftypheic'].map((c) => (typeof c === 'string' ? c.charCodeAt(0) : c)),
    );
    await expect(inspectImage(new File([heic], 'IMG_1.HEIC'))).rejects.toThrow(
      /^IMG_1\.HEIC is a HEIC photo/,
    );
    await expect(inspectImage(new File([], 'empty.png'))).rejects.toThrow('empty.png is empty.');
  });
});
