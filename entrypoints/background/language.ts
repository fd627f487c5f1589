import { uiLanguageStorage } from '@/utils/i18n/language-storage';
import { applyLanguagePreference } from '@/utils/i18n/load';

let ready: Promise<unknown> = Promise.resolve();

/**
 * Loads the language picked under Preferences into the worker, now and whenever it changes,
 * then lets `onChange` re-word what the browser keeps showing (the context menus).
 */
export function startLanguage(onChange: () => Promise<void>): void {
  ready = applyLanguagePreference();
  uiLanguageStorage.watch(() => {
    ready = applyLanguagePreference()
      .then(onChange)
      .catch((error: unknown) => console.error('[crosswind] could not switch language', error));
  });
}

/** Resolves once `t()` answers in the user's language: await it before wording a notification. */
export function languageReady(): Promise<unknown> {
  return ready;
}
