import { installMessages, type ChromeMessages } from '../../utils/i18n/messages';

declare const CROSSWIND_ENGLISH_MESSAGES: ChromeMessages;

// A plain web page has no browser.i18n: the pipeline's refusals are worded from the same English
// file the build turns into `_locales/en/messages.json`, as an extension page in English would.
installMessages('en', CROSSWIND_ENGLISH_MESSAGES);

export * from '../../utils/media/prepare';
