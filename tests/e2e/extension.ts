import { chromium, type BrowserContext } from '@playwright/test';
import path from 'node:path';

/** The built Chrome extension that the tests load, exactly as a user would install it. */
export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

/** Debian's Chromium: Playwright cannot download browsers here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Opens Chromium with Crosswind loaded in a fresh profile. */
export function launchWithExtension(options: { headless?: boolean } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The extension id, read from its service worker's URL (it depends on the install path). */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}
