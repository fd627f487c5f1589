import type { Page } from 'puppeteer-core';

/** The few WebExtension APIs the tests call from an add-on page (Firefox's `browser` global). */
interface AddonApis {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  tabs: { query(filter: object): Promise<Array<{ id?: number; url?: string }>> };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
}

declare const browser: AddonApis;

/** The draft's text as the add-on stored it (read from any of its pages). */
export function storedDraftText(addonPage: Page): Promise<string | undefined> {
  return addonPage.evaluate(async () => {
    const { draft } = await browser.storage.local.get('draft');
    return (draft as { text?: string } | null | undefined)?.text;
  });
}

/**
 * The browser's id for the tab showing `url`. Found among all tabs: Firefox's match patterns
 * cannot name a port, so `tabs.query({ url })` would find no test page.
 */
export function tabIdOf(addonPage: Page, url: string): Promise<number> {
  return addonPage.evaluate(async (wanted) => {
    const tab = (await browser.tabs.query({})).find((candidate) => candidate.url === wanted);
    if (tab?.id === undefined) throw new Error(`no tab at ${wanted}`);
    return tab.id;
  }, url);
}

/** When the add-on's wake-up alarm is set for, if it is. */
export function alarmTime(addonPage: Page, name: string): Promise<number | undefined> {
  return addonPage.evaluate(
    async (alarm) => (await browser.alarms.get(alarm))?.scheduledTime,
    name,
  );
}
