import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftVideo } from '@/utils/compose/draft';
import { loadVideo, saveVideo } from '@/utils/media/video-store';
import { draftStorage } from '@/utils/storage';

const clip: DraftVideo = {
  id: 'clip-1',
  name: 'clip.webm',
  type: 'video/webm',
  bytes: 4,
  durationMs: 10_000,
  width: 320,
  height: 240,
  alt: '',
};

const image = { id: 'i', name: 'a.png', type: 'image/png', width: 1, height: 1, bytes: 1, alt: '' };

describe('composer store with a video', () => {
  beforeEach(() => vi.resetModules());

  it('refuses images while a clip is attached, and a clip while images are', async () => {
    const { useComposer } = await import('@/utils/composer-store');
    const { addVideo } = await import('@/utils/compose/video-actions');
    await useComposer.getState().hydrate([]);
    useComposer.setState({ draft: { ...useComposer.getState().draft, video: clip } });
    const file = new File(['x'], 'photo.png', { type: 'image/png' });
    expect(await useComposer.getState().addImages([file])).toEqual([
      'A post carries a video or images, not both. Remove one of them.',
    ]);
    expect(useComposer.getState().draft.images).toEqual([]);

    const { video: _clip, ...withoutVideo } = useComposer.getState().draft;
    useComposer.setState({ draft: { ...withoutVideo, images: [image] } });
    const movie = new File(['x'], 'movie.mp4', { type: 'video/mp4' });
    expect(await addVideo(movie)).toBe(
      'A post carries a video or images, not both. Remove one of them.',
    );
    expect(useComposer.getState().draft.video).toBeUndefined();
  });

  it('attaches one clip at a time', async () => {
    const { useComposer } = await import('@/utils/composer-store');
    const { addVideo } = await import('@/utils/compose/video-actions');
    await useComposer.getState().hydrate([]);
    useComposer.setState({ draft: { ...useComposer.getState().draft, video: clip } });
    const movie = new File(['x'], 'other.mp4', { type: 'video/mp4' });
    expect(await addVideo(movie)).toBe(
      'A post carries one video. Remove the attached one to add another.',
    );
    expect(useComposer.getState().draft.video?.id).toBe('clip-1');
  });

  it('saves the description, and removing the clip drops its file', async () => {
    await saveVideo(clip.id, new Blob(['webm'], { type: 'video/webm' }));
    const { useComposer } = await import('@/utils/composer-store');
    const { removeVideo, setVideoAlt } = await import('@/utils/compose/video-actions');
    await useComposer.getState().hydrate([]);
    useComposer.setState({ draft: { ...useComposer.getState().draft, video: clip } });
    setVideoAlt('A kite');
    await vi.waitFor(async () => {
      expect((await draftStorage.getValue())?.video?.alt).toBe('A kite');
    });
    await removeVideo();
    expect(useComposer.getState().draft.video).toBeUndefined();
    expect(await loadVideo(clip.id)).toBeUndefined();
  });
});
