import { beforeEach, describe, expect, it, vi } from 'vitest';
import { newDraft, type Draft, type DraftImage } from '@/utils/compose/draft';
import type { LinkCard } from '@/utils/networks/types';
import { draftStorage } from '@/utils/storage';

const card: LinkCard = {
  url: 'https://news.example/story',
  title: 'The Story',
  description: 'What happened',
  image: 'https://cdn.news.example/card.jpg',
};
const otherCard: LinkCard = { url: 'https://other.example/', title: 'Other', description: '' };
const photo: DraftImage = {
  id: 'photo',
  name: 'photo.jpg',
  type: 'image/jpeg',
  width: 4,
  height: 3,
  bytes: 10,
  alt: '',
};

/** A composer in a fresh context, hydrated from the given saved draft. */
async function composerWith(extra: Partial<Draft> = {}) {
  await draftStorage.setValue({ ...newDraft(['a'], 'en'), id: 'draft', updatedAt: 1, ...extra });
  const { useComposer } = await import('@/utils/composer-store');
  await useComposer.getState().hydrate(['a']);
  return useComposer;
}

/** Waits until the saved draft shows `expected`, so the write is checked, not just the state. */
async function savedDraftMatches(expected: Partial<Draft>): Promise<Draft> {
  await vi.waitFor(async () => expect(await draftStorage.getValue()).toMatchObject(expected));
  return (await draftStorage.getValue())!;
}

describe('composer link cards', () => {
  beforeEach(() => vi.resetModules());

  it('setLinkCard keeps the card in the saved draft', async () => {
    const composer = await composerWith({ text: 'See https://news.example/story' });
    composer.getState().setLinkCard(card);
    expect(composer.getState().draft.linkCard).toEqual(card);
    const saved = await savedDraftMatches({ linkCard: card });
    expect(saved.updatedAt).toBeGreaterThan(1);
  });

  it('setLinkCard replaces an earlier card', async () => {
    const composer = await composerWith({ linkCard: otherCard });
    composer.getState().setLinkCard(card);
    await savedDraftMatches({ linkCard: card });
  });

  it('removeLinkCard drops the card and remembers the link, once', async () => {
    const composer = await composerWith({ text: 'x', linkCard: card });
    composer.getState().removeLinkCard(card.url);
    expect(composer.getState().draft).not.toHaveProperty('linkCard');
    expect(composer.getState().draft.removedCards).toEqual([card.url]);

    composer.getState().removeLinkCard(card.url);
    composer.getState().removeLinkCard(otherCard.url);
    expect(composer.getState().draft.removedCards).toEqual([card.url, otherCard.url]);
    const saved = await savedDraftMatches({ text: 'x', removedCards: [card.url, otherCard.url] });
    expect(saved).not.toHaveProperty('linkCard');
  });

  it('removeLinkCard adds to links removed before', async () => {
    const composer = await composerWith({ removedCards: ['https://old.example/'] });
    composer.getState().removeLinkCard(card.url);
    await savedDraftMatches({ removedCards: ['https://old.example/', card.url] });
  });
});

describe('composer insertShared', () => {
  beforeEach(() => vi.resetModules());

  it.each<[string, string, string]>([
    ['an empty draft takes the text as it is', '', '“Quote”\n\nhttps://news.example/story'],
    ['a blank draft takes the text as it is', '  \n\n ', '“Quote”\n\nhttps://news.example/story'],
    [
      'written text gets a blank line, then the shared text',
      'My take:',
      'My take:\n\n“Quote”\n\nhttps://news.example/story',
    ],
    [
      'trailing whitespace of the written text is trimmed first',
      'My take:  \n\n\n',
      'My take:\n\n“Quote”\n\nhttps://news.example/story',
    ],
    [
      'leading whitespace of the written text is kept',
      '  indented\n',
      '  indented\n\n“Quote”\n\nhttps://news.example/story',
    ],
  ])('%s', async (_name, written, expected) => {
    const composer = await composerWith({ text: written });
    composer.getState().insertShared('“Quote”\n\nhttps://news.example/story');
    expect(composer.getState().draft.text).toBe(expected);
    await savedDraftMatches({ text: expected });
  });

  it('sets the card when the draft has none and no images', async () => {
    const composer = await composerWith({ text: 'Mine' });
    composer.getState().insertShared('https://news.example/story', card);
    await savedDraftMatches({ text: 'Mine\n\nhttps://news.example/story', linkCard: card });
  });

  it('keeps a card already chosen', async () => {
    const composer = await composerWith({ text: 'Mine', linkCard: otherCard });
    composer.getState().insertShared('https://news.example/story', card);
    await savedDraftMatches({ text: 'Mine\n\nhttps://news.example/story', linkCard: otherCard });
  });

  it('sets no card on a draft with images, which take its place', async () => {
    const composer = await composerWith({ text: 'Mine', images: [photo] });
    composer.getState().insertShared('https://news.example/story', card);
    const saved = await savedDraftMatches({ text: 'Mine\n\nhttps://news.example/story' });
    expect(saved).not.toHaveProperty('linkCard');
    expect(saved.images).toEqual([photo]);
  });

  it('leaves the card alone when the share has none', async () => {
    const composer = await composerWith({ text: 'Mine', linkCard: otherCard });
    composer.getState().insertShared('More');
    await savedDraftMatches({ text: 'Mine\n\nMore', linkCard: otherCard });
  });

  it('adds no card when neither the draft nor the share has one', async () => {
    const composer = await composerWith({ text: 'Mine' });
    composer.getState().insertShared('More');
    expect(composer.getState().draft).not.toHaveProperty('linkCard');
    const saved = await savedDraftMatches({ text: 'Mine\n\nMore' });
    expect(saved).not.toHaveProperty('linkCard');
  });
});
