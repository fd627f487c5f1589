import 'fake-indexeddb/auto';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearOutbox } from './clear-outbox';

beforeEach(async () => {
  // WXT's test plugin puts fakeBrowser at `chrome` and `browser` once per file; a test that ends
  // with vi.unstubAllGlobals() takes them away, and code that uses the browser's own API
  // (utils/native-browser.ts) then finds none in the tests after it.
  vi.stubGlobal('chrome', fakeBrowser);
  vi.stubGlobal('browser', fakeBrowser);
  fakeBrowser.reset();
  await clearOutbox();
});
