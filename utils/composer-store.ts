import { create } from 'zustand';
import { draftStorage, lastTargetsStorage, type Draft } from './storage';

/** The composer's state, shared by every extension context through extension storage. */
export interface ComposerState {
  hydrated: boolean;
  draft: Draft;
  setText(text: string): void;
  toggleTarget(accountId: string, on: boolean): void;
  /** Starts a new, empty draft with the same accounts picked. */
  startNew(): void;
  /** Loads the saved draft (or starts one with last time's accounts) and starts syncing. */
  hydrate(knownAccountIds: string[]): Promise<void>;
}

/** The user's language as Mastodon and Bluesky want it: a two-letter ISO 639-1 code. */
function browserLanguage(): string {
  const primary = (globalThis.navigator?.language ?? 'en').split('-')[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : 'en';
}

function newDraft(targetIds: string[]): Draft {
  return {
    id: crypto.randomUUID(),
    text: '',
    targetIds,
    language: browserLanguage(),
    updatedAt: Date.now(),
  };
}

let unwatch: (() => void) | undefined;

/** The composer store: every change is written to storage at once, so closing the popup loses nothing. */
export const useComposer = create<ComposerState>()((set, get) => {
  const save = (draft: Draft) => {
    set({ draft });
    void draftStorage.setValue(draft);
  };
  return {
    hydrated: false,
    draft: newDraft([]),

    setText(text) {
      save({ ...get().draft, text, updatedAt: Date.now() });
    },

    toggleTarget(accountId, on) {
      const current = get().draft.targetIds.filter((id) => id !== accountId);
      const targetIds = on ? [...current, accountId] : current;
      save({ ...get().draft, targetIds, updatedAt: Date.now() });
      void lastTargetsStorage.setValue(targetIds);
    },

    startNew() {
      save(newDraft(get().draft.targetIds));
    },

    async hydrate(knownAccountIds) {
      const known = new Set(knownAccountIds);
      const fresh = async () =>
        newDraft((await lastTargetsStorage.getValue()).filter((id) => known.has(id)));
      const stored = await draftStorage.getValue();
      set({ draft: stored ?? (await fresh()), hydrated: true });
      unwatch?.();
      // The background clears the draft once every account has the post; follow it here.
      unwatch = draftStorage.watch((next) => {
        if (next === null) void fresh().then((draft) => set({ draft }));
        else if (next.updatedAt > get().draft.updatedAt || next.id !== get().draft.id)
          set({ draft: next });
      });
    },
  };
});
