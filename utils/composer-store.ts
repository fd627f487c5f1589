import { create } from 'zustand';
import { newDraft, normalizeDraft, type Draft, type VariantKey } from './compose/draft';
import { draftSaver, saveWhenHidden } from './compose/draft-saver';
import { draftFrom, newDraftFromLastChoices, type StoredChoices } from './compose/stored-draft';
import type { LinkCard, SelfLabel, Visibility } from './networks/types';
import { draftStorage, lastLanguageStorage, lastTargetsStorage } from './storage';
import { readLocalItems } from './local-item';
import { t } from './i18n/messages';
import { inMediaTurn } from './media/media-turn';
import { afterFirstFrame } from './after-first-frame';

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
  /**
   * Applies a change to the draft and saves it (for actions loaded on demand: the video's);
   * resolves once stored.
   */
  updateDraft(update: (draft: Draft) => Draft): Promise<void>;
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
  /** Deletes stored images and clips that no draft, pending share or unsent post uses any more. */
  tidyImages(): Promise<void>;
}

let unwatch: (() => void) | undefined;
let stopSavingWhenHidden: (() => void) | undefined;

/**
 * The images and clips in use: this page's draft, the stored one (another page may have just
 * added a file to it), a clip shared from a page and not attached yet, and the posts some
 * account has not got yet. Call it in a media turn. The share is read before the draft: a page
 * that attaches the shared clip stores the draft before it drops the clip from the share, so one
 * of the two reads names it. The stores and the outbox load on first use, never with the first frame.
 */
export async function mediaUsedBy(
  draft: Draft,
): Promise<{ images: Set<string>; videos: Set<string> }> {
  const [{ readUnfinishedJobs }, { imagesInUse, videosInUse }, { captureStorage }] =
    await Promise.all([
      import('./outbox/read'),
      import('./media/images-in-use'),
      import('./capture/capture-store'),
    ]);
  const shared = (await captureStorage.getValue()).share?.video;
  const stored = await draftStorage.getValue();
  const drafts = stored ? [draft, normalizeDraft(stored)] : [draft];
  const unfinished = (await readUnfinishedJobs()).map((item) => item.job);
  const videos = videosInUse(drafts, unfinished);
  if (shared) videos.add(shared.id);
  return { images: imagesInUse(drafts, unfinished), videos };
}

function toggled(list: string[], id: string, on: boolean): string[] {
  const rest = list.filter((item) => item !== id);
  return on ? [...rest, id] : rest;
}

/**
 * The composer store. Every change is in the store at once and written to storage at once, typing
 * right after the frame that shows it (see `draftSaver`), so a popup closed by a click elsewhere,
 * which can write nothing more, loses nothing.
 */
export const useComposer = create<ComposerState>()((set, get) => {
  const saver = draftSaver(
    () => draftStorage.setValue(get().draft),
    typeof window === 'undefined' ? undefined : afterFirstFrame,
  );
  /**
   * `soon` for typing: a key's frame should not wait for the whole draft to be stored. Resolves
   * once a `now` save is stored, so media work can hold its turn until the draft names its file.
   */
  const replace = (draft: Draft, save: 'now' | 'soon' = 'now'): Promise<void> => {
    set({ draft });
    if (save === 'now') return saver.now();
    saver.soon();
    return Promise.resolve();
  };
  const change = (patch: Partial<Draft>, save: 'now' | 'soon' = 'now') =>
    replace({ ...get().draft, ...patch, updatedAt: Date.now() }, save);
  // Files of drafts that were sent or replaced would otherwise stay in IndexedDB for ever.
  const sweepImages = () =>
    inMediaTurn(async () => {
      const [{ keepOnlyImages }, { keepOnlyVideos }, used] = await Promise.all([
        import('./media/image-store'),
        import('./media/video-store'),
        mediaUsedBy(get().draft),
      ]);
      await keepOnlyImages(used.images);
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
      inMediaTurn(async () => {
        if (get().draft.video) return [t('video.notWithImages')];
        const { attachImages } = await import('./compose/attach-images');
        const { added, errors } = await attachImages(files, get().draft.images);
        // Read the draft again: the user may have typed while the files were being checked.
        if (added.length > 0) await change({ images: [...get().draft.images, ...added] });
        return errors;
      }),

    async removeImage(id) {
      // Stored first: the check below reads the stored draft too, which must no longer name it.
      await change({ images: get().draft.images.filter((image) => image.id !== id) });
      await inMediaTurn(async () => {
        if ((await mediaUsedBy(get().draft)).images.has(id)) return;
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
