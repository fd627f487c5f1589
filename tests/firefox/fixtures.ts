import { writeFile } from 'node:fs/promises';
import { test as base, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { sandboxUrls, type SandboxUrls } from '../servers/sandbox-env';
import { BrowserChrome } from './browser-chrome';
import {
  FIREFOX_E2E_EXTENSION_DIR,
  FIREFOX_EXTENSION_DIR,
  launchFirefox,
  type FirefoxWithAddon,
} from './firefox';
import { byRole } from './queries';

interface Fixtures {
  /** Which build to install: the real one, or the e2e one that may read the local test pages. */
  extensionBuild: 'production' | 'e2e';
  firefox: FirefoxWithAddon;
  /** Firefox's own UI: the right-click menu and the add-on's background. */
  browserChrome: BrowserChrome;
  servers: SandboxUrls;
  openOptions(): Promise<Page>;
  openPopup(query?: string): Promise<Page>;
  openHistory(): Promise<Page>;
}

async function describePages(firefox: FirefoxWithAddon): Promise<string> {
  const parts: string[] = [];
  for (const page of await firefox.browser.pages()) {
    const text = await page
      .evaluate(() => `${location.href}\n${document.body?.innerText ?? ''}`)
      .catch((error: unknown) => `(unreadable: ${String(error)})`);
    parts.push(text);
  }
  return parts.join('\n\n----\n\n');
}

/** Playwright Test runs these; puppeteer-core drives Firefox (Playwright cannot drive Debian's). */
export const test = base.extend<Fixtures>({
  extensionBuild: ['production', { option: true }],
  firefox: async ({ extensionBuild }, use, testInfo) => {
    const firefox = await launchFirefox({
      extensionDir: extensionBuild === 'e2e' ? FIREFOX_E2E_EXTENSION_DIR : FIREFOX_EXTENSION_DIR,
    });
    await use(firefox);
    // No traces for Firefox: what each open page said is what explains a failure.
    if (testInfo.status !== testInfo.expectedStatus) {
      const file = testInfo.outputPath('pages.txt');
      await writeFile(file, await describePages(firefox));
      await testInfo.attach('pages.txt', { path: file, contentType: 'text/plain' });
    }
    await firefox.close();
  },
  browserChrome: async ({ firefox }, use) => {
    await use(await BrowserChrome.of(firefox.browser));
  },
  // eslint-disable-next-line no-empty-pattern
  servers: async ({}, use) => {
    await use(sandboxUrls());
  },
  openOptions: async ({ firefox }, use) => {
    await use(async () => {
      const page = await firefox.openAddonPage('options.html');
      await byRole(page, 'heading', 'Crosswind accounts');
      return page;
    });
  },
  openPopup: async ({ firefox }, use) => {
    await use(async (query = '') => {
      const page = await firefox.openAddonPage(`popup.html${query}`);
      await byRole(page, 'heading', 'Crosswind');
      return page;
    });
  },
  openHistory: async ({ firefox }, use) => {
    await use(async () => {
      const page = await firefox.openAddonPage('sent-posts.html');
      await byRole(page, 'heading', 'Sent posts');
      return page;
    });
  },
});

export { expect };
