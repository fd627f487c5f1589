import { chromium, type BrowserContext } from '@playwright/test';
import path from 'node:path';

/** The built Chrome extension that the tests load, exactly as a user would install it. */
export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

/**
 * `wxt build --mode e2e`: the same extension with access to 127.0.0.1, standing in for the
 * activeTab grant that clicking the toolbar gives, which automation cannot do.
 */
export const E2E_EXTENSION_DIR = path.resolve('.output/chrome-mv3-e2e');

/** Debian's Chromium: Playwright cannot download browsers here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Opens Chromium with Crosswind loaded in a fresh profile. */
export function launchWithExtension(
  options: { headless?: boolean; extensionDir?: string; extraArgs?: string[] } = {},
): Promise<BrowserContext> {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  return chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(options.extraArgs ?? []),
    ],
  });
}

/** The extension id, read from its service worker's URL (it depends on the install path). */
export async function extensionIdOf(context: BrowserContext): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}
