import { nativeBrowser } from '../native-browser';
import { uiLanguageStorage } from './language-storage';
import { directionOf, type UiLanguage } from './languages';
import {
  activeLanguage,
  followBrowserLanguage,
  installMessages,
  t,
  type ChromeMessages,
  type MessageKey,
} from './messages';

/**
 * The messages file the build writes for a language. Fetched from the extension's own package,
 * so a page loads the one language it shows and no page bundles any of them.
 */
async function fetchMessages(language: UiLanguage): Promise<ChromeMessages> {
  // runtime.getURL's type lists only known entrypoints; _locales comes from the i18n module.
  const url = nativeBrowser().runtime.getURL(`/_locales/${language}/messages.json` as '/');
  const response = await fetch(url);
  if (!response.ok) throw new Error(`messages for ${language}: HTTP ${response.status}`);
  return (await response.json()) as ChromeMessages;
}

/**
 * Makes `t()` answer in the language picked under Preferences, or the browser's when none is
 * picked (then nothing is fetched: browser.i18n already has it). Returns the language in use.
 * `picked` is the preference when the page has read it already (null: none is picked).
 */
export async function applyLanguagePreference(known?: UiLanguage | null): Promise<UiLanguage> {
  const picked = known === undefined ? await uiLanguageStorage.getValue() : known;
  followBrowserLanguage();
  if (picked && picked !== activeLanguage()) {
    try {
      installMessages(picked, await fetchMessages(picked));
    } catch (error) {
      // A broken override must never leave a page without words: the browser's language stays.
      console.error('[crosswind] could not load the picked language', error);
    }
  }
  return activeLanguage();
}

/** Keys of page titles: titles take no placeholders. */
type TitleKey = Extract<MessageKey, `pageTitle.${string}`>;

/** Marks the document with the active language, direction (screen readers, RTL) and title. */
export function labelDocument(doc: Document, title: TitleKey): void {
  const language = activeLanguage();
  doc.documentElement.lang = language;
  doc.documentElement.dir = directionOf(language);
  doc.title = t(title);
}

/**
 * For pages: loads the language before the first render and reloads the page when the
 * preference changes, since every rendered word would otherwise stay in the old language.
 */
export async function startPageLanguage(
  doc: Document,
  title: TitleKey,
  picked?: UiLanguage | null,
): Promise<void> {
  await applyLanguagePreference(picked);
  labelDocument(doc, title);
  uiLanguageStorage.watch(() => doc.defaultView?.location.reload());
}
