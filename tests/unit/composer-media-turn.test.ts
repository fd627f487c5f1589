import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DraftVideo } from '@/utils/compose/draft';
import { ExclusiveLocks } from './support/lock-manager';

// Node has no createImageBitmap: every file here reads as a small JPEG.
vi.mock('@/utils/media/inspect', () => ({
  inspectImage: vi.fn(async () => ({ type: 'image/jpeg', width: 40, height: 30, animated: false })),
}));

// Node has no <video>: every clip reads as 4 seconds of 320×240.
vi.mock('@/utils/media/video-probe', () => ({
  probeVideo: vi.fn(async () => ({ durationMs: 4_000, width: 320, height: 240 })),
}));

/** Lets a test hold page A between storing an image's file and storing the draft that names it. */
let afterFileStored: () => Promise<void> = async () => undefined;
vi.mock('@/utils/media/image-store', async (original) => {
  const real = await original<typeof import('@/utils/media/image-store')>();
  return {
    ...real,
    saveImage: async (id: string, file: Blob) => {
      await real.saveImage(id, file);
      await afterFileStored();
    },
  };
});

const jpeg = (name: string) =>
  new File([new Uint8Array([0xff, 0xd8, 0xff, 1])], name, { type: 'image/jpeg' });

const clip: DraftVideo = {
  id: 'shared-clip',
  name: 'clip.webm',
  type: 'video/webm',
  bytes: 4,
  durationMs: 4_000,
  width: 320,
  height: 240,
  alt: '',
};

/** A composer page of its own: its own modules, the browser's storage and IndexedDB shared. */
async function openComposerPage() {
  vi.resetModules();
  const { useComposer } = await import('@/utils/composer-store');
  await useComposer.getState().hydrate(['a']);
  return useComposer;
}

async function storedImageIds(): Promise<string[]> {
  const { loadImage } = await import('@/utils/media/image-store');
  const { draftStorage } = await import('@/utils/storage');
  const ids = (await draftStorage.getValue())?.images.map((image) => image.id) ?? [];
  const present = await Promise.all(ids.map(async (id) => ((await loadImage(id)) ? id : null)));
  return present.filter((id): id is string => id !== null);
}

describe('media work across composer pages', () => {
  let locks: ExclusiveLocks;
  beforeEach(() => {
    locks = new ExclusiveLocks();
    vi.stubGlobal('navigator', { locks });
  });
  afterEach(() => {
    afterFileStored = async () => undefined;
    vi.unstubAllGlobals();
  });

  it('a sweep in one composer waits for an image another is adding, and keeps its file', async () => {
    const pageA = await openComposerPage();
    const pageB = await openComposerPage();
    // Both first-frame sweeps are done before A starts adding.
    await pageA.getState().tidyImages();
    await pageB.getState().tidyImages();

    let release!: () => void;
    const fileStored = new Promise<void>((resolve) => {
      afterFileStored = () => {
        resolve();
        return new Promise<void>((go) => (release = go));
      };
    });
    const adding = pageA.getState().addImages([jpeg('harbour.jpg')]);
    await fileStored;
    // A has stored the file but not yet the draft naming it; B's sweep must not run now.
    const sweeping = pageB.getState().tidyImages();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(locks.unsettled).toBe(2);
    release();
    expect(await adding).toEqual([]);
    await sweeping;

    expect(pageA.getState().draft.images).toHaveLength(1);
    expect(await storedImageIds()).toEqual([pageA.getState().draft.images[0]!.id]);
  });

  it('a sweep keeps a clip the stored draft names though this composer has not seen it yet', async () => {
    const page = await openComposerPage();
    await page.getState().tidyImages();
    const { saveVideo, loadVideo } = await import('@/utils/media/video-store');
    const { draftStorage } = await import('@/utils/storage');
    await saveVideo(clip.id, new Blob(['webm'], { type: 'video/webm' }));
    // Another composer attached it; this one's draft (older, same id) does not name it.
    const stale = page.getState().draft;
    await draftStorage.setValue({ ...stale, video: clip, updatedAt: stale.updatedAt + 1 });
    page.setState({ draft: stale });

    await page.getState().tidyImages();
    expect(await loadVideo(clip.id)).toBeInstanceOf(Blob);

    // Once no draft, share or unsent post names it, the sweep removes it.
    await draftStorage.setValue({ ...stale, updatedAt: stale.updatedAt + 2 });
    page.setState({ draft: stale });
    await page.getState().tidyImages();
    expect(await loadVideo(clip.id)).toBeUndefined();
  });

  it('two composers attaching a clip shared from a page attach the same stored file, once', async () => {
    const { saveVideo, loadVideo } = await import('@/utils/media/video-store');
    const { captureStorage } = await import('@/utils/capture/capture-store');
    // WebM's signature, so the clip reads as a video.
    const webm = new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01]);
    // As the background leaves a shared clip: stored, and named in the share.
    await saveVideo(clip.id, new Blob([webm], { type: 'video/webm' }));
    const share = {
      id: 'share-1',
      text: 'Boats',
      source: { title: 'Harbour', url: 'https://harbour.example/' },
      via: 'menu' as const,
      video: { id: clip.id, name: clip.name },
      createdAt: Date.now(),
    };
    await captureStorage.setValue({ ...(await captureStorage.getValue()), share });
    const pageA = await openComposerPage();
    const actionsA = await import('@/utils/compose/video-actions');
    const pageB = await openComposerPage();
    const actionsB = await import('@/utils/compose/video-actions');
    await Promise.all([pageA.getState().tidyImages(), pageB.getState().tidyImages()]);

    const file = () => new File([webm], 'clip.webm', { type: 'video/webm' });
    const [fromA, fromB] = await Promise.all([
      actionsA.addVideo(file(), clip.id),
      actionsB.addVideo(file(), clip.id),
    ]);
    expect([fromA, fromB]).toEqual([undefined, undefined]);
    // Then, as the composers do, the share no longer names the clip: the draft does.
    const { video: _attached, ...settled } = share;
    await captureStorage.setValue({ ...(await captureStorage.getValue()), share: settled });
    await Promise.all([pageA.getState().tidyImages(), pageB.getState().tidyImages()]);

    expect(pageA.getState().draft.video?.id).toBe(clip.id);
    expect(pageB.getState().draft.video?.id).toBe(clip.id);
    const { draftStorage } = await import('@/utils/storage');
    expect((await draftStorage.getValue())?.video?.id).toBe(clip.id);
    expect(await loadVideo(clip.id)).toBeInstanceOf(Blob);
    // No second copy of the clip to upload or leave behind.
    expect((await videoStoreKeys()).filter((key) => !key.endsWith('#poster'))).toEqual([clip.id]);
  });
});

/** Every key in Crosswind's video store, read straight from IndexedDB. */
function videoStoreKeys(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open('crosswind-video');
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const keys = db.transaction('videos').objectStore('videos').getAllKeys();
      keys.onsuccess = () => {
        db.close();
        resolve(keys.result.map(String));
      };
      keys.onerror = () => reject(keys.error);
    };
  });
}
