import type { UiLanguage } from './languages';

/**
 * `make` for a language, called once per language. Making an Intl formatter looks up the
 * language's data each time: counters format numbers on every render of every account's line.
 */
function oncePerLanguage<T>(make: (language: UiLanguage) => T): (language: UiLanguage) => T {
  const made = new Map<UiLanguage, T>();
  return (language) => {
    let value = made.get(language);
    if (value === undefined) {
      value = make(language);
      made.set(language, value);
    }
    return value;
  };
}

/** The language's number format (digit grouping), made once. */
export const numberFormatFor = oncePerLanguage((language) => new Intl.NumberFormat(language));

/** The language's plural rules, made once. */
export const pluralRulesFor = oncePerLanguage((language) => new Intl.PluralRules(language));
