import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  handOverEarlyRead,
  readFirstFrame,
  startEarlyRead,
  takeEarlyRead,
} from '@/entrypoints/popup/first-frame';
import { draftFrom } from '@/utils/compose/stored-draft';
import { testAccount } from '../test-accounts';

describe('the popup’s first read', () => {
  it('reads the language, the accounts and the draft in one storage call', async () => {
    const account = testAccount('a', 'mastodon');
    await fakeBrowser.storage.local.set({
      uiLanguage: 'de',
      accounts: [account],
      draft: { id: 'd', text: 'kept', targetIds: ['a'], updatedAt: 5 },
    });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const first = await readFirstFrame();
    expect(get).toHaveBeenCalledTimes(1);
    expect(first).toMatchObject({
      language: 'de',
      accounts: [account],
      draft: { id: 'd', text: 'kept' },
    });
  });

  it('gives each item’s fallback where nothing is stored', async () => {
    expect(await readFirstFrame()).toEqual({
      language: null,
      accounts: [],
      draft: null,
      lastTargets: [],
      lastLanguage: null,
    });
  });
});

describe('the early read (popup-read.js)', () => {
  it('reads what the first frame shows, and says nothing changed while nothing was written', async () => {
    await fakeBrowser.storage.local.set({
      draft: { id: 'd', text: 'kept', targetIds: [], updatedAt: 1 },
    });
    const early = startEarlyRead();
    expect((await early.read).draft).toMatchObject({ text: 'kept' });
    // A key the first frame does not read is no reason to read again.
    await fakeBrowser.storage.local.set({ somethingElse: 1 });
    expect(early.changedSince()).toBe(false);
    early.stop();
  });

  it('says so when an item it read is written after it was asked for, until stopped', async () => {
    const early = startEarlyRead();
    await early.read;
    await fakeBrowser.storage.local.set({
      draft: { id: 'n', text: 'newer', targetIds: [], updatedAt: 2 },
    });
    expect(early.changedSince()).toBe(true);

    const later = startEarlyRead();
    await later.read;
    later.stop();
    await fakeBrowser.storage.local.set({ accounts: [testAccount('a', 'mastodon')] });
    expect(later.changedSince()).toBe(false);
    early.stop();
  });

  it('is handed to the popup’s module once, through a global of the page', async () => {
    expect(takeEarlyRead()).toBeUndefined();
    const early = startEarlyRead();
    handOverEarlyRead(early);
    expect(takeEarlyRead()).toBe(early);
    expect(takeEarlyRead()).toBeUndefined();
    early.stop();
    await early.read;
  });
});

describe('draftFrom', () => {
  it('keeps the saved draft, filled in where an older version saved less', () => {
    const saved = { id: 'd', text: 'kept', targetIds: ['a'], updatedAt: 5 };
    const draft = draftFrom({ draft: saved as never, lastTargets: ['b'], lastLanguage: 'fr' }, [
      'a',
      'b',
    ]);
    expect(draft).toMatchObject({ id: 'd', text: 'kept', targetIds: ['a'], variants: {} });
  });

  it('starts a new draft with last time’s accounts that are still connected, and its language', () => {
    const draft = draftFrom({ draft: null, lastTargets: ['a', 'gone'], lastLanguage: 'fr' }, ['a']);
    expect(draft).toMatchObject({ text: '', targetIds: ['a'], language: 'fr' });
  });
});
