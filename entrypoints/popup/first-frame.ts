import type { StoredChoices } from '@/utils/compose/stored-draft';
import { uiLanguageStorage } from '@/utils/i18n/language-storage';
import type { UiLanguage } from '@/utils/i18n/languages';
import type { Account } from '@/utils/networks/types';
import {
  accountsStorage,
  draftStorage,
  lastLanguageStorage,
  lastTargetsStorage,
} from '@/utils/storage';
import { readLocalItems } from '@/utils/local-item';

/** Everything the popup's first frame shows that is stored: the words' language, the accounts, the draft. */
export interface FirstFrame extends StoredChoices {
  language: UiLanguage | null;
  accounts: Account[];
}

/**
 * One storage read for the first frame. Read one after another (language, then accounts, then
 * the draft, then last time's choices) each waited for the one before it.
 */
export async function readFirstFrame(): Promise<FirstFrame> {
  const [language, accounts, draft, lastTargets, lastLanguage] = await readLocalItems([
    uiLanguageStorage,
    accountsStorage,
    draftStorage,
    lastTargetsStorage,
    lastLanguageStorage,
  ]);
  return { language, accounts, draft, lastTargets, lastLanguage };
}
