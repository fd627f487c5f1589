import { draftStorage, lastLanguageStorage, lastTargetsStorage } from '../storage';
import { newDraft, normalizeDraft, type Draft } from './draft';

/** The saved draft, or a new one with last time's accounts and language. */
export async function storedOrNewDraft(knownAccountIds: readonly string[]): Promise<Draft> {
  const stored = await draftStorage.getValue();
  if (stored) return normalizeDraft(stored);
  const known = new Set(knownAccountIds);
  return newDraft(
    (await lastTargetsStorage.getValue()).filter((id) => known.has(id)),
    (await lastLanguageStorage.getValue()) ?? undefined,
  );
}
