import { DEFAULT_PAGE_TEMPLATE, type PageTemplate } from './capture/template';
import type { Draft } from './compose/draft';
import { localItem } from './local-item';
import { nativeBrowser } from './native-browser';
import type { Account } from './networks/types';

/** Where Crosswind looks up Bluesky handles and DIDs; changeable for self-hosted setups. */
export interface DirectorySettings {
  handleResolver: string;
  plcDirectory: string;
}

/** The public Bluesky services that resolve any handle and any did:plc. */
export const DEFAULT_DIRECTORY: DirectorySettings = {
  handleResolver: 'https://public.api.bsky.app',
  plcDirectory: 'https://plc.directory',
};

/** Connected accounts, without secrets (those live in the vault). */
export const accountsStorage = localItem<Account[]>('accounts', []);

/** The composer's unsent draft. */
export const draftStorage = localItem<Draft | null>('draft', null);

/** The accounts picked last time, so the next post starts with the same choice. */
export const lastTargetsStorage = localItem<string[]>('lastTargets', []);

/** The post language picked last, so the next post starts with it. */
export const lastLanguageStorage = localItem<string | null>('lastLanguage', null);

/** Bluesky directory endpoints. */
export const directoryStorage = localItem<DirectorySettings>('directory', DEFAULT_DIRECTORY);

/** Jobs whose result was already notified, so a restarted worker never notifies twice; null until first seeded. */
export const notifiedJobsStorage = localItem<string[] | null>('notifiedJobs', null);

/** Whether Post first asks about images that have no alt text. */
export const altReminderStorage = localItem<boolean>('altReminder', true);

/** How a post about the current page starts: title and link, link only, or quote and link. */
export const pageTemplateStorage = localItem<PageTemplate>('pageTemplate', DEFAULT_PAGE_TEMPLATE);

/** storage.local as Chrome has it (since Chrome 120); Firefox offers setAccessLevel only on session. */
interface AccessLevelArea {
  setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' }): Promise<void>;
}

/**
 * Takes storage.local away from content scripts, where the browser can. The background acts on
 * what is stored here (accounts, the outbox, drafts, settings), and a script running in a web
 * page's process, ours included, must not be able to change that. Chrome keeps the setting, but
 * the background sets it on every start so a profile from an older version gets it too.
 */
export async function keepStorageFromContentScripts(): Promise<boolean> {
  const local = nativeBrowser().storage.local as AccessLevelArea;
  if (typeof local.setAccessLevel !== 'function') return false;
  await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return true;
}
