import { browser, type Browser } from 'wxt/browser';
import { shareFromPage, type ShareKind } from '@/utils/capture/share-actions';

type MenuContext = NonNullable<Browser.contextMenus.CreateProperties['contexts']>[number];

/** The right-click menu items, by the kind of share each starts. */
const MENU_ITEMS: ReadonlyArray<{
  id: ShareKind;
  title: string;
  context: MenuContext;
}> = [
  { id: 'selection', title: 'Post selection', context: 'selection' },
  { id: 'link', title: 'Share link', context: 'link' },
  { id: 'image', title: 'Share image', context: 'image' },
  { id: 'page', title: 'Share page', context: 'page' },
];

/** The keyboard command that shares the page, as named in the manifest. */
export const SHARE_PAGE_COMMAND = 'share-page';

function isShareKind(id: unknown): id is ShareKind {
  return MENU_ITEMS.some((item) => item.id === id);
}

function report(error: unknown): void {
  console.error('Crosswind could not share from this page', error);
}

/** Creates the menus (once per install or update) and answers their clicks and the shortcut. */
export function startShareMenus(): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      for (const item of MENU_ITEMS) {
        browser.contextMenus.create({
          id: item.id,
          title: item.title,
          contexts: [item.context],
          // Only web pages: a script cannot read browser pages, so the menus would do nothing there.
          documentUrlPatterns: ['http://*/*', 'https://*/*'],
        });
      }
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (!isShareKind(info.menuItemId) || !tab) return;
    shareFromPage(info.menuItemId, info, tab).catch(report);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === SHARE_PAGE_COMMAND && tab) shareFromPage('page', {}, tab).catch(report);
  });
}
