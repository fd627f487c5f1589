import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect } from './fixtures';

/** A tab as `chrome.tabs.query` answers it. */
export interface ChromeTab {
  id?: number;
  url?: string;
  title?: string;
  windowId: number;
}

/** The few extension APIs these helpers call inside the service worker. */
declare const chrome: {
  tabs: { query(filter: { url?: string }): Promise<ChromeTab[]> };
  contextMenus: { onClicked: { dispatch(info: unknown, tab: unknown): void } };
};

/** A browser tab as the menu's listener receives it. */
export interface ClickedTab {
  id: number;
  url: string;
  title: string;
}

/** Crosswind's service worker, where these helpers call the extension's APIs. */
export async function worker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? context.waitForEvent('serviceworker');
}

/** Opens a page in a tab and answers it with the browser's id for that tab. */
export async function openTab(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; tab: ClickedTab }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.bringToFront();
  const tab = await (
    await worker(context)
  ).evaluate(async (pageUrl) => {
    const [found] = await chrome.tabs.query({ url: pageUrl });
    return { id: found!.id!, url: found!.url!, title: found!.title! };
  }, url);
  return { page, tab };
}

/**
 * What a right-click menu item does, run through the very listener the browser calls: the
 * native menu cannot be clicked from a test.
 */
export async function clickMenu(
  context: BrowserContext,
  info: Record<string, string>,
  tab: ClickedTab,
): Promise<void> {
  await (
    await worker(context)
  ).evaluate(
    ({ clickInfo, clickedTab }) => chrome.contextMenus.onClicked.dispatch(clickInfo, clickedTab),
    { clickInfo: info, clickedTab: tab },
  );
}

/** The composer as a page for the given tab, the way the small composer window opens. */
export async function openComposerFor(
  context: BrowserContext,
  extensionId: string,
  tabId: number,
): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await expect(popup.getByRole('heading', { name: 'Crosswind' })).toBeVisible();
  return popup;
}
