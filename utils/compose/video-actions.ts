import { inTurn, useComposer } from '../composer-store';
import { t } from '../i18n/messages';
import { videosInUse } from '../media/images-in-use';
import { deleteVideo } from '../media/video-store';
import { readUnfinishedJobs } from '../outbox/read';
import { attachVideo } from './attach-video';

/**
 * The draft's clip: attach, describe, remove. Loaded with the first clip, not with the popup;
 * each change goes through the composer store, which saves it at once.
 */

/**
 * Reads, stores and attaches one clip (a post carries a video or images, never both); resolves
 * with the message to show when it was not attached.
 */
export function addVideo(file: File): Promise<string | undefined> {
  return inTurn(async () => {
    const { draft } = useComposer.getState();
    if (draft.video) return t('video.onlyOne');
    if (draft.images.length > 0) return t('video.notWithImages');
    const result = await attachVideo(file);
    if ('error' in result) return result.error;
    // Applied to the draft as it is now: the user may have typed while the clip was being read.
    useComposer.getState().updateDraft((now) => ({ ...now, video: result.video }));
    return undefined;
  });
}

/** Drops the clip from the draft, and its file unless a post still needs it. */
export async function removeVideo(): Promise<void> {
  const { video } = useComposer.getState().draft;
  if (!video) return;
  useComposer.getState().updateDraft(({ video: _removed, ...rest }) => rest);
  await inTurn(async () => {
    const jobs = (await readUnfinishedJobs()).map((item) => item.job);
    if (!videosInUse([useComposer.getState().draft], jobs).has(video.id)) {
      await deleteVideo(video.id);
    }
  });
}

/** The clip's description (Mastodon `description`, Bluesky `alt`). */
export function setVideoAlt(alt: string): void {
  useComposer
    .getState()
    .updateDraft((draft) => (draft.video ? { ...draft, video: { ...draft.video, alt } } : draft));
}
