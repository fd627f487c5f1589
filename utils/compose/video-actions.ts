import { mediaUsedBy, useComposer } from '../composer-store';
import { t } from '../i18n/messages';
import { inMediaTurn } from '../media/media-turn';
import { deleteVideo } from '../media/video-store';
import { attachVideo } from './attach-video';

/**
 * The draft's clip: attach, describe, remove. Loaded with the first clip, not with the popup;
 * each change goes through the composer store, which saves it at once.
 */

/**
 * Reads, stores and attaches one clip (a post carries a video or images, never both); resolves
 * with the message to show when it was not attached. `storedAs` is the id of a clip already in
 * the video store (one shared from a page): attached under that id, it is the same clip in every
 * composer that attaches it, and attaching it again changes nothing.
 */
export function addVideo(file: File, storedAs?: string): Promise<string | undefined> {
  return inMediaTurn(async () => {
    const { draft } = useComposer.getState();
    if (storedAs !== undefined && draft.video?.id === storedAs) return undefined;
    if (draft.video) return t('video.onlyOne');
    if (draft.images.length > 0) return t('video.notWithImages');
    const result = await attachVideo(file, storedAs);
    if ('error' in result) return result.error;
    // Applied to the draft as it is now (the user may have typed while the clip was being read),
    // and stored before the turn ends, so no sweep sees the file without the draft naming it.
    await useComposer.getState().updateDraft((now) => ({ ...now, video: result.video }));
    return undefined;
  });
}

/** Drops the clip from the draft, and its file unless a post still needs it. */
export async function removeVideo(): Promise<void> {
  const { video } = useComposer.getState().draft;
  if (!video) return;
  // Stored first: the check below reads the stored draft too, which must no longer name it.
  await useComposer.getState().updateDraft(({ video: _removed, ...rest }) => rest);
  await inMediaTurn(async () => {
    const used = await mediaUsedBy(useComposer.getState().draft);
    if (!used.videos.has(video.id)) await deleteVideo(video.id);
  });
}

/** The clip's description (Mastodon `description`, Bluesky `alt`). */
export function setVideoAlt(alt: string): void {
  void useComposer
    .getState()
    .updateDraft((draft) => (draft.video ? { ...draft, video: { ...draft.video, alt } } : draft));
}
