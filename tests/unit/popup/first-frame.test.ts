import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFirstFrame } from '@/entrypoints/popup/first-frame';
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
