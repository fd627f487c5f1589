import { t } from '../i18n/messages';
import { mp4FrameRate, readMoov } from '../media/mp4-frame-rate';
import { probeVideo } from '../media/video-probe';
import { savePoster, saveVideo } from '../media/video-store';
import { sniffVideo } from '../media/video-sniff';
import type { DraftVideo } from './draft';

/** A clip read and stored, ready for the draft, or why it could not be. */
export type AttachVideoResult = { video: DraftVideo } | { error: string };

/**
 * Reads what the networks check (container from the bytes, length, frame size, frame rate where
 * the file says) and stores the clip with a still for the composer. Loaded only when a video is
 * attached: none of this is in the popup's first frame. A clip already in the store under
 * `storedAs` (shared from a page) keeps that id and is not stored twice.
 */
export async function attachVideo(file: File, storedAs?: string): Promise<AttachVideoResult> {
  const name = file.name || t('video.pastedName');
  const type = sniffVideo(new Uint8Array(await file.slice(0, 64).arrayBuffer()));
  if (!type) return { error: t('video.notVideo', { name }) };
  let probed;
  try {
    probed = await probeVideo(file);
  } catch (reason) {
    const detail = reason instanceof Error ? reason.message : String(reason);
    return { error: t('video.unreadable', { name, detail }) };
  }
  const frameRate =
    type === 'video/mp4' || type === 'video/quicktime'
      ? await readMoov(file)
          .then((moov) => (moov ? mp4FrameRate(moov) : undefined))
          .catch(() => undefined)
      : undefined;
  const id = storedAs ?? crypto.randomUUID();
  try {
    if (storedAs === undefined) await saveVideo(id, file);
    if (probed.poster) await savePoster(id, probed.poster);
  } catch (reason) {
    const detail = reason instanceof Error ? reason.message : String(reason);
    return { error: t('video.notSaved', { name, detail }) };
  }
  return {
    video: {
      id,
      name,
      type,
      bytes: file.size,
      durationMs: probed.durationMs,
      width: probed.width,
      height: probed.height,
      ...(frameRate !== undefined && { frameRate }),
      alt: '',
    },
  };
}
