import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { launch, type Browser, type Page } from 'puppeteer-core';

/** The Firefox add-on the tests install, exactly as built for users. */
export const FIREFOX_EXTENSION_DIR = path.resolve('.output/firefox-mv3');

/** The same add-on built with `--mode e2e` (access to the local test site, see wxt.config.ts). */
export const FIREFOX_E2E_EXTENSION_DIR = path.resolve('.output/firefox-mv3-e2e');

/** Debian's Firefox ESR; puppeteer-core drives it over its built-in WebDriver BiDi. */
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** The add-on's id from the manifest (browser_specific_settings.gecko.id). */
export const ADDON_ID = 'crosswind@crosswind.invalid';

/** Firefox with Crosswind installed in a fresh profile, and a way to open the add-on's pages. */
export interface FirefoxWithAddon {
  browser: Browser;
  /** `moz-extension://UUID/`: the add-on's origin, fixed for this profile. */
  origin: string;
  /** Opens one of the add-on's pages (e.g. `options.html`) in a new tab, loaded and ready. */
  openAddonPage(file: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Launches headless Firefox ESR with a fresh profile and installs the built add-on.
 *
 * Firefox picks a random internal UUID for an add-on's origin unless the
 * `extensions.webextensions.uuids` preference names one, so the tests pin it to know the
 * origin up front. WebDriver BiDi refuses to navigate to `moz-extension://` unless the session is
 * allowed system access (`--remote-allow-system-access`), which only this test profile gets.
 */
export async function launchFirefox(
  options: { extensionDir?: string; headless?: boolean } = {},
): Promise<FirefoxWithAddon> {
  const uuid = randomUUID();
  const browser = await launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: options.headless ?? true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }),
      // No update checks, telemetry or remote settings: nothing may leave the machine.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  try {
    const installed = await browser.installExtension(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
    if (installed !== ADDON_ID) throw new Error(`installed ${installed}, expected ${ADDON_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const origin = `moz-extension://${uuid}/`;
  return {
    browser,
    origin,
    openAddonPage: async (file) => {
      const page = await browser.newPage();
      await navigateToAddonPage(page, new URL(file, origin).href);
      return page;
    },
    close: () => browser.close(),
  };
}

/**
 * Loads an add-on page in `page`. Firefox sends no BiDi navigation events for documents of the
 * extension process, so puppeteer's own wait would never end: wait for the document instead, then
 * call off puppeteer's wait.
 */
async function navigateToAddonPage(page: Page, url: string): Promise<void> {
  const controller = new AbortController();
  const navigation = page.goto(url, { signal: controller.signal }).catch((error: unknown) => {
    if (!controller.signal.aborted) throw error;
  });
  const loaded = waitForDocument(page, url);
  // Should the navigation itself fail first, this wait's later timeout is no news.
  loaded.catch(() => undefined);
  try {
    await Promise.race([loaded, navigation.then(() => loaded)]);
  } finally {
    controller.abort();
    await navigation;
  }
}

async function waitForDocument(page: Page, url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The document is replaced while it loads, which can fail an evaluation: try again.
    const ready = await page
      .evaluate(() => ({ href: location.href, state: document.readyState }))
      .catch(() => undefined);
    if (ready?.href === url && ready.state === 'complete') return;
    if (Date.now() > deadline) throw new Error(`${url} did not load within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
