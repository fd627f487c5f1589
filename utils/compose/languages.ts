import { activeLanguage } from '../i18n/messages';

/** ISO 639-1 codes offered in the language picker: the most used languages on Mastodon and Bluesky. */
const COMMON_LANGUAGES = [
  'ar',
  'bg',
  'bn',
  'ca',
  'cs',
  'cy',
  'da',
  'de',
  'el',
  'en',
  'eo',
  'es',
  'et',
  'eu',
  'fa',
  'fi',
  'fr',
  'ga',
  'gl',
  'he',
  'hi',
  'hr',
  'hu',
  'id',
  'is',
  'it',
  'ja',
  'ko',
  'lt',
  'lv',
  'ms',
  'nl',
  'no',
  'pl',
  'pt',
  'ro',
  'ru',
  'sk',
  'sl',
  'sr',
  'sv',
  'sw',
  'ta',
  'th',
  'tl',
  'tr',
  'uk',
  'ur',
  'vi',
  'zh',
];

// Making an Intl.DisplayNames costs far more than asking it: one per display language.
const displayNames = new Map<string, Intl.DisplayNames>();

/** A language's name in the user's own language, falling back to the code. */
export function languageName(code: string, displayLocale?: string): string {
  try {
    const key = displayLocale ?? '';
    let names = displayNames.get(key);
    if (!names) {
      names = new Intl.DisplayNames(displayLocale ? [displayLocale] : undefined, {
        type: 'language',
      });
      displayNames.set(key, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

// One collator per display language: localeCompare may set one up per call.
const collators = new Map<string, Intl.Collator>();

function collatorFor(displayLanguage: string): Intl.Collator {
  let collator = collators.get(displayLanguage);
  if (!collator) {
    collator = new Intl.Collator(displayLanguage);
    collators.set(displayLanguage, collator);
  }
  return collator;
}

/**
 * The picker's options, named in the language Crosswind's words are in (not the browser's, which
 * the Preferences override may differ from) and sorted by name, always including the current choice.
 */
export function languageOptions(
  current: string,
  displayLanguage: string = activeLanguage(),
): Array<{ code: string; name: string }> {
  const codes = COMMON_LANGUAGES.includes(current)
    ? COMMON_LANGUAGES
    : [...COMMON_LANGUAGES, current];
  const order = collatorFor(displayLanguage);
  return codes
    .map((code) => ({ code, name: languageName(code, displayLanguage) }))
    .sort((a, b) => order.compare(a.name, b.name));
}
