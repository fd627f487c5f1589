import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { installMessages, type ChromeMessages } from '@/utils/i18n/messages';

/**
 * fakeBrowser has no i18n, so unit tests read English from the same file the build turns into
 * `_locales/en/messages.json`, through the same code path as the Preferences override.
 * (Paths are from the project root, where vitest runs: import.meta.url is not a file URL under happy-dom.)
 */
const english = generateChromeMessages(
  await parseMessagesFile(resolve('locales/en.yml')),
) as ChromeMessages;

installMessages('en', english);
