import { create } from 'zustand';
import { newDraft, normalizeDraft, type Draft, type VariantKey } from './compose/draft';
import { draftSaver, saveWhenHidden } from './compose/draft-saver';
import { draftFrom, newDraftFromLastChoices, type StoredChoices } from './compose/stored-draft';
import type { LinkCard, SelfLabel, Visibility } from './networks/types';
import { draftStorage, lastLanguageStorage, lastTargetsStorage } from './storage';
import { readLocalItems } from './local-item';
import { t } from './i18n/messages';

/** The composer's state, shared by every extension context through extension storage. */
export interface ComposerState {
  hydrated: boolean;
  draft: Draft;
  /** Saves what was typed and is not saved yet (before the draft is posted); resolves once stored. */
  flushDraft(): Promise<void>;
  setText(text: string): void;
  toggleTarget(accountId: string, on: boolean): void;
  /** Opens a separate version (starting from the text it replaces), or closes it with `null`. */
  setVariant(key: VariantKey, text: string | null): void;
  setContentWarning(text: string): void;
  setBlueskyLabel(label: SelfLabel | 'none'): void;
  setWarningInBlueskyText(on: boolean): void;
  setVisibility(visibility: Visibility | undefined): void;
  setLanguage(language: string): void;
  /** Keep the post on the server, for accounts whose network can. */
  setLocalOnly(on: boolean): void;
  setThreaded(accountId: string, on: boolean): void;
  setNumbering(on: boolean): void;
  /** "Post later" at that moment (epoch milliseconds), or post now with `undefined`. */
  setScheduledAt(at: number | undefined): void;
  /**
   * Checks, stores and appends pictures, up to four in all; resolves with one human message per
   * file left out (not a picture, unreadable, or over the limit). A bad file changes nothing.
   */
  addImages(files: File[]): Promise<string[]>;
  /** Drops an image from the draft and its file from the store, unless a post still needs it. */
  removeImage(id: string): Promise<void>;
  /** Moves an image one place earlier (-1) or later (1) in the posting order. */
  moveImage(id: string, delta: -1 | 1): void;
  setAlt(id: string, alt: string): void;
  /** Applies a change to the draft and saves it (for actions loaded on demand: the video's). */
  updateDraft(update: (draft: Draft) => Draft): void;
  /** Keeps a card for the text's first link. */
  setLinkCard(card: LinkCard): void;
  /** Drops the card and remembers not to offer one for that link again. */
  removeLinkCard(url: string): void;
  /** Adds shared text after what is written, a blank line between, and its card if none is set. */
  insertShared(text: string, card?: LinkCard): void;
  /** Starts a new, empty draft with the same accounts and language. */
  startNew(): void;
  /** Loads the saved draft (or starts one with last time's choices) and starts syncing. */
  hydrate(knownAccountIds: string[]): Promise<void>;
  /**
   * The same from what the page has read already, at once. Call it in the task the read ended
   * in, so no change to the stored draft can come between the read and the watch.
   */
  hydrateFrom(stored: StoredChoices, knownAccountIds: string[]): void;
  /** Deletes stored image files no draft or unsent post uses any more. */
  tidyImages(): Promise<void>;
}

let unwatch: (() => void) | undefined;
let stopSavingWhenHidden: (() => void) | undefined;

// Adding and sweeping take turns: a sweep must never see a stored file whose image is not yet
// in the draft, and two quick pastes must not both count the same free places.
let imageWork: Promise<unknown> = Promise.resolve();
/** Runs media work after what is already queued (the video's actions, loaded later, use it too). */
export function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const run = imageWork.then(work);
  imageWork = run.catch(() => undefined);
  return run;
}

/**
 * The images in use: the draft's and those of posts some account has not got yet. The image
 * store, the outbox and the image checks load on first use, never with the popup's first frame.
 */
async function imagesUsedBy(draft: Draft): Promise<Set<string>> {
  return (await mediaUsedBy(draft)).images;
}

/** The images and clips in use, by the draft and by posts some account has not got yet. */
async function mediaUsedBy(draft: Draft): Promise<{ images: Set<string>; videos: Set<string> }> {
  const [{ readUnfinishedJobs }, { imagesInUse, videosInUse }] = await Promise.all([
    import('./outbox/read'),
    import('./media/images-in-use'),
  ]);
  const unfinished = (await readUnfinishedJobs()).map((item) => item.job);
  return { images: imagesInUse([draft], unfinished), videos: videosInUse([draft], unfinished) };
}

function toggled(list: string[], id: string, on: boolean): string[] {
  const rest = list.filter((item) => item !== id);
  return on ? [...rest, id] : rest;
}

/**
 * The composer store. Every change is in the store at once and written to storage: a choice at
 * once, typing within a moment, and whatever waits when the page hides, so closing the popup
 * loses nothing.
 */
export const useComposer = create<ComposerState>()((set, get) => {
  const saver = draftSaver(() => draftStorage.setValue(get().draft));
  /** `soon` for typing: a key's frame should not wait for the whole draft to be stored. */
  const replace = (draft: Draft, save: 'now' | 'soon' = 'now') => {
    set({ draft });
    if (save === 'now') void saver.now();
    else saver.soon();
  };
  const change = (patch: Partial<Draft>, save: 'now' | 'soon' = 'now') =>
    replace({ ...get().draft, ...patch, updatedAt: Date.now() }, save);
  // Files of drafts that were sent or replaced would otherwise stay in IndexedDB for ever.
  const sweepImages = () =>
    inTurn(async () => {
      const [{ keepOnlyImages }, { keepOnlyVideos }, { captureStorage }, used] = await Promise.all([
        import('./media/image-store'),
        import('./media/video-store'),
        import('./capture/capture-store'),
        mediaUsedBy(get().draft),
      ]);
      await keepOnlyImages(used.images);
      // A clip shared from a page waits in the store until the composer attaches it.
      const shared = (await captureStorage.getValue()).share?.video;
      if (shared) used.videos.add(shared.id);
      await keepOnlyVideos(used.videos);
    }).catch((error: unknown) => console.warn('Crosswind could not tidy the media store', error));
  return {
    hydrated: false,
    draft: newDraft([]),
    flushDraft: () => saver.flush(),

    // An emptied text is a decision, like a choice: other pages (Edit in the sent posts) ask
    // whether the composer is free, and must not see the text that was just cleared.
    setText: (text) => change({ text }, text === '' ? 'now' : 'soon'),

    toggleTarget(accountId, on) {
      const targetIds = toggled(get().draft.targetIds, accountId, on);
      change({ targetIds });
      void lastTargetsStorage.setValue(targetIds);
    },

    setVariant(key, text) {
      const variants = { ...get().draft.variants };
      if (text === null) delete variants[key];
      else variants[key] = text;
      change({ variants }, text === null ? 'now' : 'soon');
    },

    setContentWarning: (contentWarning) => change({ contentWarning }, 'soon'),
    setBlueskyLabel: (blueskyLabel) => change({ blueskyLabel }),
    setWarningInBlueskyText: (warningInBlueskyText) => change({ warningInBlueskyText }),

    setVisibility(visibility) {
      const draft = { ...get().draft, updatedAt: Date.now() };
      if (visibility) draft.visibility = visibility;
      else delete draft.visibility;
      replace(draft);
    },

    setLanguage(language) {
      change({ language });
      void lastLanguageStorage.setValue(language);
    },

    setLocalOnly(on) {
      const draft = { ...get().draft, updatedAt: Date.now() };
      if (on) draft.localOnly = true;
      else delete draft.localOnly;
      replace(draft);
    },

    setThreaded: (accountId, on) =>
      change({ threadTargets: toggled(get().draft.threadTargets, accountId, on) }),
    setNumbering: (numbering) => change({ numbering }),

    setScheduledAt(at) {
      const draft = { ...get().draft, updatedAt: Date.now() };
      if (at === undefined) delete draft.scheduledAt;
      else draft.scheduledAt = at;
      replace(draft);
    },

    addImages: (files) =>
      inTurn(async () => {
        if (get().draft.video) return [t('video.notWithImages')];
        const { attachImages } = await import('./compose/attach-images');
        const { added, errors } = await attachImages(files, get().draft.images);
        // Read the draft again: the user may have typed while the files were being checked.
        if (added.length > 0) change({ images: [...get().draft.images, ...added] });
        return errors;
      }),

    async removeImage(id) {
      change({ images: get().draft.images.filter((image) => image.id !== id) });
      await inTurn(async () => {
        if ((await imagesUsedBy(get().draft)).has(id)) return;
        const { deleteImage } = await import('./media/image-store');
        await deleteImage(id);
      });
    },

    moveImage(id, delta) {
      const images = [...get().draft.images];
      const from = images.findIndex((image) => image.id === id);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= images.length) return;
      [images[from], images[to]] = [images[to]!, images[from]!];
      change({ images });
    },

    setAlt: (id, alt) =>
      change(
        {
          images: get().draft.images.map((image) => (image.id === id ? { ...image, alt } : image)),
        },
        'soon',
      ),

    updateDraft: (update) => replace({ ...update(get().draft), updatedAt: Date.now() }),

    setLinkCard: (linkCard) => change({ linkCard }),

    removeLinkCard(url) {
      const { linkCard: _dropped, ...draft } = get().draft;
      const removedCards = [...new Set([...(draft.removedCards ?? []), url])];
      replace({ ...draft, removedCards, updatedAt: Date.now() });
    },

    insertShared(text, card) {
      const { draft } = get();
      const written = draft.text.replace(/\s+$/, '');
      change({
        text: written ? `${written}\n\n${text}` : text,
        ...(card &&
          !draft.linkCard &&
          draft.images.length === 0 &&
          !draft.video && { linkCard: card }),
      });
    },

    startNew() {
      const { targetIds, language } = get().draft;
      replace(newDraft(targetIds, language));
      void sweepImages();
    },

    async hydrate(knownAccountIds) {
      const [draft, lastTargets, lastLanguage] = await readLocalItems([
        draftStorage,
        lastTargetsStorage,
        lastLanguageStorage,
      ]);
      get().hydrateFrom({ draft, lastTargets, lastLanguage }, knownAccountIds);
      // Also catches files left by a draft the background cleared while no popup was open.
      void sweepImages();
    },

    hydrateFrom(stored, knownAccountIds) {
      set({ draft: draftFrom(stored, knownAccountIds), hydrated: true });
      unwatch?.();
      if (typeof window !== 'undefined')
        stopSavingWhenHidden ??= saveWhenHidden(window, saver.flush);
      // The background clears the draft once every account has the post; follow it here.
      unwatch = draftStorage.watch((next) => {
        if (next === null) {
          // Typing still waiting to be saved belongs to the post just sent: it must not come back.
          saver.cancel();
          void newDraftFromLastChoices(knownAccountIds).then((draft) => {
            set({ draft });
            void sweepImages();
          });
        } else if (next.updatedAt > get().draft.updatedAt || next.id !== get().draft.id)
          set({ draft: normalizeDraft(next) });
      });
    },

    tidyImages: sweepImages,
  };
});
