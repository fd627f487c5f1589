import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { installMessages, type ChromeMessages } from '@/utils/i18n/messages';

/**
 * fakeBrowser has no i18n, so unit tests read English from the same file the build turns into
 * `_locales/en/messages.json`: installed as the loaded messages (the Preferences override path),
 * and answered by browser.i18n too, for tests that load modules afresh.
 * (Paths are from the project root, where vitest runs: import.meta.url is not a file URL under happy-dom.)
 */
const english = generateChromeMessages(
  await parseMessagesFile(resolve('locales/en.yml')),
) as ChromeMessages;

installMessages('en', english);

beforeEach(() => {
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(
    (name: string) => english[name]?.message ?? '',
  );
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
});
