import { beforeEach, describe, expect, it, vi } from 'vitest';
import { draftStorage, lastTargetsStorage } from '@/utils/storage';

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
    await draftStorage.setValue({ id: 'd', text: 'kept', targetIds: ['a'], updatedAt: 5 });
    let { useComposer } = await import('@/utils/composer-store');
    await useComposer.getState().hydrate(['a']);
    expect(useComposer.getState().draft).toMatchObject({ id: 'd', text: 'kept' });

    vi.resetModules();
    await draftStorage.setValue(null);
    await lastTargetsStorage.setValue(['a', 'removed']);
    ({ useComposer } = await import('@/utils/composer-store'));
    await useComposer.getState().hydrate(['a']);
    expect(useComposer.getState().draft).toMatchObject({ text: '', targetIds: ['a'] });
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
});
