import { draftStorage, lastLanguageStorage, lastTargetsStorage } from '../storage';
import { newDraft, normalizeDraft, type Draft } from './draft';

/** What a draft starts from: the one saved, and last time's choices for a new one. */
export interface StoredChoices {
  draft: Draft | null;
  lastTargets: readonly string[];
  lastLanguage: string | null;
}

/** The saved draft, or a new one with last time's accounts (those still connected) and language. */
export function draftFrom(stored: StoredChoices, knownAccountIds: readonly string[]): Draft {
  if (stored.draft) return normalizeDraft(stored.draft);
  const known = new Set(knownAccountIds);
  return newDraft(
    stored.lastTargets.filter((id) => known.has(id)),
    stored.lastLanguage ?? undefined,
  );
}

/** A blank draft with last time's accounts (those still connected) and language. */
export async function newDraftFromLastChoices(knownAccountIds: readonly string[]): Promise<Draft> {
  const [lastTargets, lastLanguage] = await Promise.all([
    lastTargetsStorage.getValue(),
    lastLanguageStorage.getValue(),
  ]);
  return draftFrom({ draft: null, lastTargets, lastLanguage }, knownAccountIds);
}

/** The saved draft, or a new one with last time's accounts and language. */
export async function storedOrNewDraft(knownAccountIds: readonly string[]): Promise<Draft> {
  const stored = await draftStorage.getValue();
  return stored ? normalizeDraft(stored) : newDraftFromLastChoices(knownAccountIds);
}
