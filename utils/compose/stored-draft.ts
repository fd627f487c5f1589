import { draftStorage, lastLanguageStorage, lastTargetsStorage } from '../storage';
import { newDraft, normalizeDraft, type Draft } from './draft';

/** A blank draft with last time's accounts (those still connected) and language. */
export async function newDraftFromLastChoices(knownAccountIds: readonly string[]): Promise<Draft> {
  const known = new Set(knownAccountIds);
  return newDraft(
    (await lastTargetsStorage.getValue()).filter((id) => known.has(id)),
    (await lastLanguageStorage.getValue()) ?? undefined,
  );
}

/** The saved draft, or a new one with last time's accounts and language. */
export async function storedOrNewDraft(knownAccountIds: readonly string[]): Promise<Draft> {
  const stored = await draftStorage.getValue();
  return stored ? normalizeDraft(stored) : newDraftFromLastChoices(knownAccountIds);
}
