import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageShare } from '@/utils/capture/types';

const share: PageShare = {
  id: 'share-1',
  text: 'A\nhttps://site.example/a',
  source: { title: 'A', url: 'https://site.example/a' },
  via: 'menu',
  createdAt: 2,
};

/** What is stored under `local:capture`, read past the storage item. */
async function stored(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get('capture'))['capture'];
}

// Each test is a new context: the store subscribes to storage when its module loads, and the
// reset before each test drops the previous module's listeners.
async function freshStore() {
  vi.resetModules();
  return import('@/utils/capture/capture-store');
}

describe('captureStore', () => {
  beforeEach(() => vi.resetModules());

  it('writes a patch to local:capture, filling the other fields', async () => {
    const { captureStore, captureStorage } = await freshStore();
    await captureStore.getState().patch({ unavailable: 'Cannot read this page.' });
    expect(await stored()).toEqual({ share: null, unavailable: 'Cannot read this page.' });
    expect(await captureStorage.getValue()).toEqual({
      share: null,
      unavailable: 'Cannot read this page.',
    });
    expect(captureStore.getState().unavailable).toBe('Cannot read this page.');
  });

  it('keeps what another context wrote while this one was open', async () => {
    const { captureStore } = await freshStore();
    // The background's write, straight to storage.
    await fakeBrowser.storage.local.set({ capture: { share, unavailable: null } });
    await captureStore.getState().patch({ unavailable: 'reason' });
    expect(await stored()).toEqual({ share, unavailable: 'reason' });
  });

  it('writes over storage, not over its own copy, which may be behind', async () => {
    const { captureStore } = await freshStore();
    await fakeBrowser.storage.local.set({ capture: { share, unavailable: 'old reason' } });
    // A copy that has not caught up yet, as in a context whose change event is still on its way.
    captureStore.setState({ share: null, unavailable: null });
    await captureStore.getState().patch({ unavailable: null });
    expect(await stored()).toEqual({ share, unavailable: null });
  });

  it('keeps two patches started at once', async () => {
    const { captureStore } = await freshStore();
    await Promise.all([
      captureStore.getState().patch({ share }),
      captureStore.getState().patch({ unavailable: 'reason' }),
    ]);
    expect(await stored()).toEqual({ share, unavailable: 'reason' });
  });

  it('loads what is stored and marks itself hydrated', async () => {
    await fakeBrowser.storage.local.set({ capture: { share, unavailable: null } });
    const { captureStore } = await freshStore();
    await vi.waitFor(() => expect(captureStore.getState().hydrated).toBe(true));
    expect(captureStore.getState()).toMatchObject({ share, unavailable: null });
  });

  it('leaves out the page read an older version kept here', async () => {
    const pageRead = { metadata: { url: 'https://site.example/a', title: 'A' } };
    await fakeBrowser.storage.local.set({
      capture: { capture: pageRead, share, unavailable: null },
    });
    const { captureStore } = await freshStore();
    await vi.waitFor(() => expect(captureStore.getState().hydrated).toBe(true));
    expect(captureStore.getState()).not.toHaveProperty('capture');
    expect(captureStore.getState()).toMatchObject({ share, unavailable: null });
  });

  it('follows changes another context makes to storage', async () => {
    const { captureStore, captureStorage } = await freshStore();
    await captureStorage.setValue({ share, unavailable: null });
    await vi.waitFor(() =>
      expect(captureStore.getState()).toMatchObject({
        share,
        unavailable: null,
        hydrated: true,
      }),
    );

    const settled = { ...share, settled: true };
    await captureStorage.setValue({ share: settled, unavailable: null });
    await vi.waitFor(() => expect(captureStore.getState().share).toEqual(settled));
  });

  it('fills fields a partial write left out, and empties when storage is cleared', async () => {
    const { captureStore } = await freshStore();
    await captureStore.getState().patch({ share, unavailable: 'reason' });
    await fakeBrowser.storage.local.set({ capture: { share } });
    await vi.waitFor(() => expect(captureStore.getState().unavailable).toBeNull());
    expect(captureStore.getState()).toMatchObject({ share, unavailable: null });

    await fakeBrowser.storage.local.remove('capture');
    await vi.waitFor(() => expect(captureStore.getState().share).toBeNull());
    expect(captureStore.getState()).toMatchObject({
      share: null,
      unavailable: null,
      hydrated: true,
    });
  });
});
