import { useEffect } from 'react';
import { useStore } from 'zustand';
import { captureStore } from '@/utils/capture/capture-store';
import { useComposer } from '@/utils/composer-store';

/**
 * Attaches a clip shared from a page ("Share video"): the background downloaded and stored it,
 * and only a page can read its length and frame size. What keeps it out (images already there,
 * an unreadable file) becomes the share's note.
 *
 * Every composer open at that moment does this (the popup the menu opened, a composer window):
 * the clip keeps the id it was stored under, so they all attach the same file, and a clip left
 * out is removed by the sweep, which knows whether another composer attached it.
 */
export function useSharedVideo(): void {
  const share = useStore(captureStore, (state) => state.share);
  const pending = share?.video;
  useEffect(() => {
    if (!pending) return;
    void (async () => {
      const [{ addVideo }, store] = await Promise.all([
        import('@/utils/compose/video-actions'),
        import('@/utils/media/video-store'),
      ]);
      const blob = await store.loadVideo(pending.id);
      const error = blob
        ? await addVideo(new File([blob], pending.name, { type: blob.type }), pending.id)
        : undefined;
      const current = captureStore.getState().share;
      if (current?.video?.id === pending.id) {
        const { video: _attached, ...rest } = current;
        const note = [rest.note, error].filter(Boolean).join(' ');
        await captureStore.getState().patch({ share: { ...rest, ...(note && { note }) } });
      }
      if (error) await useComposer.getState().tidyImages();
    })().catch((error: unknown) =>
      console.warn('Crosswind could not attach the shared clip', error),
    );
  }, [pending]);
}
