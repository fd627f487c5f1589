import type { UiLanguage } from './languages';

// Making an Intl formatter looks up the language's data each time: counters format numbers on
// every render of every account's line, so each language's formatter is made once.
const numberFormats = new Map<UiLanguage, Intl.NumberFormat>();
const pluralRules = new Map<UiLanguage, Intl.PluralRules>();

/** The language's number format (digit grouping), made once. */
export function numberFormatFor(language: UiLanguage): Intl.NumberFormat {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language);
    numberFormats.set(language, format);
  }
  return format;
}

/** The language's plural rules, made once. */
export function pluralRulesFor(language: UiLanguage): Intl.PluralRules {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules;
}
