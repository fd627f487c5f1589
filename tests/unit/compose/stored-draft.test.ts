import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserLanguage, newDraft } from '@/utils/compose/draft';
import { storedOrNewDraft } from '@/utils/compose/stored-draft';
import { draftStorage, lastLanguageStorage, lastTargetsStorage } from '@/utils/storage';

describe('storedOrNewDraft', () => {
  it('returns the saved draft, normalized, ignoring the last choices', async () => {
    // Saved by an older version: no variants, warning, thread choices or images yet.
    await fakeBrowser.storage.local.set({
      draft: { id: 'saved', text: 'Kept', targetIds: ['gone'], language: 'fr', updatedAt: 5 },
    });
    await lastTargetsStorage.setValue(['a']);
    await lastLanguageStorage.setValue('de');
    expect(await storedOrNewDraft(['a'])).toEqual({
      id: 'saved',
      text: 'Kept',
      targetIds: ['gone'],
      variants: {},
      contentWarning: '',
      language: 'fr',
      threadTargets: [],
      numbering: false,
      images: [],
      updatedAt: 5,
    });
  });

  it('keeps everything a current draft holds', async () => {
    const draft = {
      ...newDraft(['a'], 'en'),
      text: 'Hello',
      variants: { 'network:bluesky': 'Hi' } as const,
      linkCard: { url: 'https://a.example/', title: 'A', description: '' },
      removedCards: ['https://b.example/'],
      scheduledAt: 1_900_000_000_000,
    };
    await draftStorage.setValue(draft);
    expect(await storedOrNewDraft([])).toEqual(draft);
  });

  it('starts a new draft with the last accounts that still exist, in their order', async () => {
    await lastTargetsStorage.setValue(['b', 'removed', 'a']);
    await lastLanguageStorage.setValue('de');
    const draft = await storedOrNewDraft(['a', 'b', 'c']);
    expect(draft).toMatchObject({
      text: '',
      targetIds: ['b', 'a'],
      language: 'de',
      variants: {},
      images: [],
    });
    expect(draft.id).toEqual(expect.any(String));
  });

  it('starts with no accounts and the browser’s language when nothing was chosen before', async () => {
    const draft = await storedOrNewDraft(['a']);
    expect(draft).toMatchObject({ text: '', targetIds: [], language: browserLanguage() });
  });

  it('starts each new draft with its own id', async () => {
    const [one, two] = await Promise.all([storedOrNewDraft([]), storedOrNewDraft([])]);
    expect(one.id).not.toBe(two.id);
  });
});
