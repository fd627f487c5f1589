import { create } from 'zustand';
import { newDraft, normalizeDraft, type Draft, type VariantKey } from './compose/draft';
import type { SelfLabel, Visibility } from './networks/types';
import { draftStorage, lastLanguageStorage, lastTargetsStorage } from './storage';

/** The composer's state, shared by every extension context through extension storage. */
export interface ComposerState {
  hydrated: boolean;
  draft: Draft;
  setText(text: string): void;
  toggleTarget(accountId: string, on: boolean): void;
  /** Opens a separate version (starting from the text it replaces), or closes it with `null`. */
  setVariant(key: VariantKey, text: string | null): void;
  setContentWarning(text: string): void;
  setBlueskyLabel(label: SelfLabel | 'none'): void;
  setWarningInBlueskyText(on: boolean): void;
  setVisibility(visibility: Visibility | undefined): void;
  setLanguage(language: string): void;
  setThreaded(accountId: string, on: boolean): void;
  setNumbering(on: boolean): void;
  /** Starts a new, empty draft with the same accounts and language. */
  startNew(): void;
  /** Loads the saved draft (or starts one with last time's choices) and starts syncing. */
  hydrate(knownAccountIds: string[]): Promise<void>;
}

let unwatch: (() => void) | undefined;

function toggled(list: string[], id: string, on: boolean): string[] {
  const rest = list.filter((item) => item !== id);
  return on ? [...rest, id] : rest;
}

/** The composer store: every change is written to storage at once, so closing the popup loses nothing. */
export const useComposer = create<ComposerState>()((set, get) => {
  const replace = (draft: Draft) => {
    set({ draft });
    void draftStorage.setValue(draft);
  };
  const change = (patch: Partial<Draft>) =>
    replace({ ...get().draft, ...patch, updatedAt: Date.now() });
  return {
    hydrated: false,
    draft: newDraft([]),

    setText: (text) => change({ text }),

    toggleTarget(accountId, on) {
      const targetIds = toggled(get().draft.targetIds, accountId, on);
      change({ targetIds });
      void lastTargetsStorage.setValue(targetIds);
    },

    setVariant(key, text) {
      const variants = { ...get().draft.variants };
      if (text === null) delete variants[key];
      else variants[key] = text;
      change({ variants });
    },

    setContentWarning: (contentWarning) => change({ contentWarning }),
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

    setThreaded: (accountId, on) =>
      change({ threadTargets: toggled(get().draft.threadTargets, accountId, on) }),
    setNumbering: (numbering) => change({ numbering }),

    startNew() {
      const { targetIds, language } = get().draft;
      replace(newDraft(targetIds, language));
    },

    async hydrate(knownAccountIds) {
      const known = new Set(knownAccountIds);
      const fresh = async () =>
        newDraft(
          (await lastTargetsStorage.getValue()).filter((id) => known.has(id)),
          (await lastLanguageStorage.getValue()) ?? undefined,
        );
      const stored = await draftStorage.getValue();
      set({ draft: stored ? normalizeDraft(stored) : await fresh(), hydrated: true });
      unwatch?.();
      // The background clears the draft once every account has the post; follow it here.
      unwatch = draftStorage.watch((next) => {
        if (next === null) void fresh().then((draft) => set({ draft }));
        else if (next.updatedAt > get().draft.updatedAt || next.id !== get().draft.id)
          set({ draft: normalizeDraft(next) });
      });
    },
  };
});
