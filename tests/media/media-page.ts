import { chromium, type Browser, type Page } from 'playwright-core';
import { bundleForBrowser, bundlePrepare } from './bundle-prepare';

/** Debian's Chromium: Playwright cannot download browsers on these machines. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// An https origin answered by Playwright itself: a secure context like an extension page,
// with no server to start.
const ORIGIN = 'https://media.test/';

/** The two scripts a media page needs, bundled once per run. */
export interface MediaScripts {
  prepare: string;
  kit: string;
}

/** Bundles the pipeline (`CrosswindMedia`) and the test helpers (`MediaKit`). */
export async function bundleMediaScripts(): Promise<MediaScripts> {
  const [prepare, kit] = await Promise.all([
    bundlePrepare(),
    bundleForBrowser('tests/media/browser-kit.ts', 'MediaKit'),
  ]);
  return { prepare, kit };
}

/** Headless Chromium with the flags that keep it off the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A blank page with both scripts loaded. */
export async function openMediaPage(browser: Browser, scripts: MediaScripts): Promise<Page> {
  const page = await browser.newPage();
  // tsx compiles with keepNames, which wraps functions passed to evaluate in a __name helper.
  await page.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  await page.route(`${ORIGIN}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>media</title>' }),
  );
  await page.goto(ORIGIN);
  await page.addScriptTag({ content: scripts.prepare });
  await page.addScriptTag({ content: scripts.kit });
  return page;
}

/** How code inside `page.evaluate` sees the injected scripts (cast `globalThis` to this). */
export interface MediaGlobals {
  CrosswindMedia: typeof import('../../utils/media/prepare');
  MediaKit: typeof import('./browser-kit');
}
