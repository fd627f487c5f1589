import { browser, type Browser } from 'wxt/browser';
import { shareFromPage, type ShareKind } from '@/utils/capture/share-actions';
import { t, type MessageKey } from '@/utils/i18n/messages';
import { languageReady } from './language';

type MenuContext = NonNullable<Browser.contextMenus.CreateProperties['contexts']>[number];

/** The right-click menu items, by the kind of share each starts. */
const MENU_ITEMS: ReadonlyArray<{
  id: ShareKind;
  title: MessageKey;
  context: MenuContext;
}> = [
  { id: 'selection', title: 'menu.postSelection', context: 'selection' },
  { id: 'link', title: 'menu.shareLink', context: 'link' },
  { id: 'image', title: 'menu.shareImage', context: 'image' },
  { id: 'video', title: 'menu.shareVideo', context: 'video' },
  { id: 'page', title: 'menu.sharePage', context: 'page' },
];

/** The keyboard command that shares the page, as named in the manifest. */
export const SHARE_PAGE_COMMAND = 'share-page';

function isShareKind(id: unknown): id is ShareKind {
  return MENU_ITEMS.some((item) => item.id === id);
}

function report(error: unknown): void {
  console.error('Crosswind could not share from this page', error);
}

async function createMenus(): Promise<void> {
  // The menus outlive the worker, so they are worded once, in the language picked by then.
  await Promise.all([languageReady(), browser.contextMenus.removeAll()]);
  for (const item of MENU_ITEMS) {
    browser.contextMenus.create({
      id: item.id,
      title: t(item.title),
      contexts: [item.context],
      // Only web pages: a script cannot read browser pages, so the menus would do nothing there.
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  }
}

/** Re-words the menus after the language was changed under Preferences. */
export async function retitleShareMenus(): Promise<void> {
  await Promise.all(
    MENU_ITEMS.map((item) => browser.contextMenus.update(item.id, { title: t(item.title) })),
  );
}

/** Creates the menus (once per install or update) and answers their clicks and the shortcut. */
export function startShareMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    createMenus().catch(report);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (!isShareKind(info.menuItemId) || !tab) return;
    shareFromPage(info.menuItemId, info, tab).catch(report);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === SHARE_PAGE_COMMAND && tab) shareFromPage('page', {}, tab).catch(report);
  });
}
