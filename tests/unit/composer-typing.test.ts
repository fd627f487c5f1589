// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TYPING_SAVE_DELAY_MS } from '@/utils/compose/draft-saver';
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

describe('typing in the composer', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => vi.useRealTimers());

  it('has every key in the store at once, and writes storage a few times, not once a key', async () => {
    const useComposer = await hydratedStore();
    const writes = draftWrites();
    let text = '';
    for (const key of 'a sentence typed one key at a time') {
      text += key;
      useComposer.getState().setText(text);
      expect(useComposer.getState().draft.text).toBe(text);
      await vi.advanceTimersByTimeAsync(60);
    }
    await vi.advanceTimersByTimeAsync(TYPING_SAVE_DELAY_MS * 2);
    // 34 keys over about two seconds: the first key, then one write a period.
    expect(writes.length).toBeLessThanOrEqual(8);
    expect(writes.at(-1)).toBe(text);
    expect((await draftStorage.getValue())?.text).toBe(text);
  });

  it('stores a cleared text at once, while a timed save of the keys before waits', async () => {
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
    // Closed before the timer ran: the page's pagehide is the last chance to save.
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
    useComposer.getState().setText('posted text');
    const sentId = useComposer.getState().draft.id;
    await draftStorage.setValue(null);
    await vi.advanceTimersByTimeAsync(TYPING_SAVE_DELAY_MS * 2);
    await vi.waitFor(() => expect(useComposer.getState().draft.id).not.toBe(sentId));
    expect((await draftStorage.getValue())?.id).not.toBe(sentId);
    // The new draft's media sweep, done before the test ends.
    await useComposer.getState().tidyImages();
  });
});
