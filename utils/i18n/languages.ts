/** The languages Crosswind's own words are written in; the first is the fallback. */
export const UI_LANGUAGES = ['en', 'de', 'ja', 'fr', 'es'] as const;

/** One of the languages Crosswind ships. */
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The language the manifest declares as default_locale, used when nothing else matches. */
export const DEFAULT_UI_LANGUAGE: UiLanguage = 'en';

/** Scripts written right to left, so a UI language in one gets `dir="rtl"`. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** Narrows a stored or browser-given value to a language Crosswind ships. */
export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The shipped language for a BCP 47 tag (`de-AT` → `de`), or null when none fits. */
export function matchUiLanguage(tag: string): UiLanguage | null {
  const primary = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return isUiLanguage(primary) ? primary : null;
}

/** The writing direction of a language, for the page's `dir` attribute. */
export function directionOf(language: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(language.toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}
