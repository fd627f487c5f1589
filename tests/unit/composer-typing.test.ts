// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftStorage } from '@/utils/storage';

/** Each write of the draft to extension storage, by its text. */
function draftWrites() {
  const texts: string[] = [];
  const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
    const draft = (items as { draft?: { text: string } | null }).draft;
    if (draft) texts.push(draft.text);
    return set(items);
  });
  return texts;
}

/** The store as the popup starts it, from what it read (without the media sweep of `hydrate`). */
async function hydratedStore() {
  const { useComposer } = await import('@/utils/composer-store');
  useComposer
    .getState()
    .hydrateFrom({ draft: null, lastTargets: ['a'], lastLanguage: null }, ['a']);
  return useComposer;
}

/** A frame and the task after it, in the fake timers' clock (frames every 16 ms). */
const FRAME_MS = 20;

describe('typing in the composer', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("has every key in the store at once, and in storage once the key's frame is painted", async () => {
    const useComposer = await hydratedStore();
    const writes = draftWrites();
    let text = '';
    for (const key of 'a sentence typed one key at a time') {
      text += key;
      useComposer.getState().setText(text);
      expect(useComposer.getState().draft.text).toBe(text);
      // One frame later: a popup may be closed by the browser any moment after this key.
      await vi.advanceTimersByTimeAsync(FRAME_MS);
      expect(writes.at(-1)).toBe(text);
      await vi.advanceTimersByTimeAsync(60 - FRAME_MS);
    }
    expect((await draftStorage.getValue())?.text).toBe(text);
  });

  it('writes keys typed within one frame together', async () => {
    const useComposer = await hydratedStore();
    const writes = draftWrites();
    let text = '';
    for (const key of 'typed in one breath') {
      text += key;
      useComposer.getState().setText(text);
    }
    // All typed before the first key's frame: one write carries them.
    await vi.advanceTimersByTimeAsync(FRAME_MS);
    expect(writes).toEqual([text]);
    expect((await draftStorage.getValue())?.text).toBe(text);
  });

  it('stores a cleared text at once, while the keys before it wait for their frame', async () => {
    const useComposer = await hydratedStore();
    useComposer.getState().setText('A different post');
    useComposer.getState().setText('A different post I am writing');
    useComposer.getState().setText('');
    // No timer may run: only a save made by the clearing itself can have stored the empty text.
    await vi.advanceTimersByTimeAsync(0);
    expect((await draftStorage.getValue())?.text).toBe('');
  });

  it('keeps the last keys of a popup closed right after typing', async () => {
    const useComposer = await hydratedStore();
    useComposer.getState().setText('H');
    useComposer.getState().setText('Hello');
    // Closed while the first key's write was on its way: a page that can still write on
    // pagehide writes the rest then.
    window.dispatchEvent(new Event('pagehide'));
    await vi.waitFor(async () => expect((await draftStorage.getValue())?.text).toBe('Hello'));
  });

  it('stores the draft as typed before it is posted', async () => {
    const useComposer = await hydratedStore();
    useComposer.getState().setText('H');
    useComposer.getState().setText('Hello world');
    await useComposer.getState().flushDraft();
    expect((await draftStorage.getValue())?.text).toBe('Hello world');
  });

  it('never brings back a draft the background cleared after posting it', async () => {
    const useComposer = await hydratedStore();
    useComposer.getState().setText('posted');
    // Stored with its frame, as the background's copy was; the last keys still wait for theirs.
    await vi.advanceTimersByTimeAsync(FRAME_MS);
    useComposer.getState().setText('posted text');
    const sentId = useComposer.getState().draft.id;
    await draftStorage.setValue(null);
    // The frame after the keys comes after the clear: its write must not bring the draft back.
    await vi.advanceTimersByTimeAsync(FRAME_MS * 3);
    await vi.waitFor(() => expect(useComposer.getState().draft.id).not.toBe(sentId));
    expect((await draftStorage.getValue())?.id).not.toBe(sentId);
    // The new draft's media sweep, done before the test ends.
    await useComposer.getState().tidyImages();
  });
});
