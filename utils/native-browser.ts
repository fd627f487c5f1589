import type { browser } from 'wxt/browser';

type ExtensionApi = typeof browser;
type ExtensionGlobals = { browser?: ExtensionApi; chrome?: ExtensionApi };

/**
 * The browser's own extension API, without the webextension polyfill: Firefox's `browser`, or
 * Chrome's `chrome`, whose storage, i18n and runtime calls return promises in Manifest V3 too.
 * For what a page's first frame needs (storage, words), so the polyfill (about 4 kB gzipped)
 * loads after it. Everything else keeps `browser` from `wxt/browser`.
 */
export function nativeBrowser(): ExtensionApi {
  const globals = globalThis as ExtensionGlobals;
  // Chrome may define a `browser` of its own one day; either object is the same API then.
  const api = globals.browser?.runtime?.id ? globals.browser : globals.chrome;
  if (!api) throw new Error('Crosswind runs only as a browser extension');
  return api;
}
