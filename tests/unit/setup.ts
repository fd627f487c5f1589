import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { clearOutbox } from './clear-outbox';

beforeEach(async () => {
  fakeBrowser.reset();
  await clearOutbox();
});
