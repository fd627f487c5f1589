import { describe, expect, it } from 'vitest';
import { borrowPublicImages } from '@/utils/publish/borrow-images';
import type { TargetJob } from '@/utils/publish/types';

const target = (images: NonNullable<TargetJob['content']['images']>): TargetJob => ({
  accountId: 't1',
  status: 'uploading',
  content: { parts: ['photo'], images },
  parts: [{ idempotencyKey: 'k' }],
  attempts: 1,
  updatedAt: 0,
});

describe('images for a network that fetches them itself', () => {
  it('uses the address an image was shared from, uploading nothing', async () => {
    const media = await borrowPublicImages(
      'no-such-job',
      target([{ id: 'a', alt: 'Boats', sourceUrl: 'https://photos.example/a.jpg' }]),
    );
    expect(media).toEqual([
      { id: 'a', alt: 'Boats', width: 0, height: 0, publicUrl: 'https://photos.example/a.jpg' },
    ]);
  });

  it('fails for good when no other account of the post can lend a copy', async () => {
    await expect(
      borrowPublicImages('no-such-job', target([{ id: 'a', alt: 'Boats' }])),
    ).rejects.toMatchObject({ kind: 'unsupported' });
  });
});
