import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { draftStorage, lastLanguageStorage, lastTargetsStorage } from '@/utils/storage';

describe('composer store', () => {
  beforeEach(() => vi.resetModules());

  it('saves every change to storage at once, so a closed popup loses nothing', async () => {
    const { useComposer } = await import('@/utils/composer-store');
    await useComposer.getState().hydrate(['a']);
    useComposer.getState().setText('first words');
    useComposer.getState().toggleTarget('a', true);
    await vi.waitFor(async () => {
      expect(await draftStorage.getValue()).toMatchObject({
        text: 'first words',
        targetIds: ['a'],
      });
    });
    expect(await lastTargetsStorage.getValue()).toEqual(['a']);
  });

  it('restores a saved draft, and starts new ones with the last accounts that still exist', async () => {
    // Saved by an older version, before variants and warnings existed: the text must survive.
    await fakeBrowser.storage.local.set({
      draft: { id: 'd', text: 'kept', targetIds: ['a'], updatedAt: 5 },
    });
    let { useComposer } = await import('@/utils/composer-store');
    await useComposer.getState().hydrate(['a']);
    expect(useComposer.getState().draft).toMatchObject({
      id: 'd',
      text: 'kept',
      variants: {},
      contentWarning: '',
      threadTargets: [],
    });

    vi.resetModules();
    await draftStorage.setValue(null);
    await lastTargetsStorage.setValue(['a', 'removed']);
    ({ useComposer } = await import('@/utils/composer-store'));
    await useComposer.getState().hydrate(['a']);
    expect(useComposer.getState().draft).toMatchObject({ text: '', targetIds: ['a'] });
  });

  it('starts at once from what the popup read already, and follows the stored draft from there', async () => {
    const { useComposer } = await import('@/utils/composer-store');
    const saved = { id: 'd', text: 'kept', targetIds: ['a'], updatedAt: 5 };
    useComposer
      .getState()
      .hydrateFrom({ draft: saved as never, lastTargets: [], lastLanguage: null }, ['a']);
    // No await: the first frame renders the draft in the same task.
    expect(useComposer.getState()).toMatchObject({ hydrated: true, draft: { text: 'kept' } });
    await draftStorage.setValue({ ...useComposer.getState().draft, text: 'changed', updatedAt: 9 });
    await vi.waitFor(() => expect(useComposer.getState().draft.text).toBe('changed'));
    await draftStorage.setValue(null);
    await vi.waitFor(() => expect(useComposer.getState().draft.id).not.toBe('d'));
    expect(useComposer.getState().draft).toMatchObject({ text: '', targetIds: [] });
  });

  it('follows the background clearing the draft after delivery', async () => {
    const { useComposer } = await import('@/utils/composer-store');
    await useComposer.getState().hydrate([]);
    useComposer.getState().setText('posted text');
    const sentId = useComposer.getState().draft.id;
    await draftStorage.setValue(null);
    await vi.waitFor(() => expect(useComposer.getState().draft.id).not.toBe(sentId));
    expect(useComposer.getState().draft.text).toBe('');
  });

  it('keeps separate versions, the warning and thread choices in the saved draft', async () => {
    const { useComposer } = await import('@/utils/composer-store');
    await useComposer.getState().hydrate(['m']);
    const state = useComposer.getState();
    state.setText('main');
    state.setVariant('network:mastodon', 'for Mastodon');
    state.setVariant('account:m', 'for m only');
    state.setVariant('account:m', null);
    state.setContentWarning('spoilers');
    state.setBlueskyLabel('nudity');
    state.setVisibility('private');
    state.setThreaded('m', true);
    state.setNumbering(true);
    await vi.waitFor(async () =>
      expect(await draftStorage.getValue()).toMatchObject({
        text: 'main',
        variants: { 'network:mastodon': 'for Mastodon' },
        contentWarning: 'spoilers',
        blueskyLabel: 'nudity',
        visibility: 'private',
        threadTargets: ['m'],
        numbering: true,
      }),
    );
    expect(Object.keys((await draftStorage.getValue())!.variants)).toEqual(['network:mastodon']);
    state.setVisibility(undefined);
    await vi.waitFor(async () =>
      expect((await draftStorage.getValue())?.visibility).toBeUndefined(),
    );
  });

  it('remembers the language for the next post', async () => {
    const { useComposer } = await import('@/utils/composer-store');
    await useComposer.getState().hydrate([]);
    useComposer.getState().setLanguage('de');
    await vi.waitFor(async () => expect(await lastLanguageStorage.getValue()).toBe('de'));
    useComposer.getState().startNew();
    expect(useComposer.getState().draft).toMatchObject({ language: 'de', text: '' });
  });
});
