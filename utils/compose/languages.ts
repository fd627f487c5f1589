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

// One collator for every comparison: localeCompare may set one up per call.
const nameOrder = new Intl.Collator();

/** The picker's options sorted by name, always including the current choice. */
export function languageOptions(current: string): Array<{ code: string; name: string }> {
  const codes = COMMON_LANGUAGES.includes(current)
    ? COMMON_LANGUAGES
    : [...COMMON_LANGUAGES, current];
  return codes
    .map((code) => ({ code, name: languageName(code) }))
    .sort((a, b) => nameOrder.compare(a.name, b.name));
}
