import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { installMessages, type ChromeMessages } from '@/utils/i18n/messages';

/**
 * fakeBrowser has no i18n, so unit tests read English from the same file the build turns into
 * `_locales/en/messages.json`, through the same code path as the Preferences override.
 */
const english = generateChromeMessages(
  await parseMessagesFile(new URL('../../locales/en.yml', import.meta.url).pathname),
) as ChromeMessages;

installMessages('en', english);
