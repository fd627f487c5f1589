import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES } from '@/utils/i18n/languages';
import { localeFileLanguages, readAllLocales } from './locale-files';

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

function placeholders(message: string): string[] {
  return [...message.matchAll(PLACEHOLDER)].map((match) => match[1]!).sort();
}

/** Plural groups: `foo.one`, `foo.other` → `foo`. */
function pluralBases(keys: Iterable<string>): Set<string> {
  const bases = new Set<string>();
  for (const key of keys) if (key.endsWith('.other')) bases.add(key.slice(0, -'.other'.length));
  return bases;
}

/** `foo.one` → `foo`; other keys unchanged. */
function singular(key: string): string {
  return key.replace(/\.(zero|one|two|few|many|other)$/, '');
}

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

describe('locale files', async () => {
  const locales = await readAllLocales();
  const english = locales.get('en')!;

  it('ship exactly the languages Crosswind offers', () => {
    expect(localeFileLanguages()).toEqual([...UI_LANGUAGES].sort());
  });

  it('name their own language, so dates are formatted in the language of the words', () => {
    for (const [language, messages] of locales) {
      expect(messages.get('catalogLanguage'), language).toBe(language);
    }
  });

  it.each(UI_LANGUAGES.filter((language) => language !== 'en'))(
    '%s has every English key, no others, and the same placeholders',
    (language) => {
      const messages = locales.get(language)!;
      // Plural forms differ by language (Japanese has only "other"), so they compare by group.
      const bases = pluralBases(english.keys());
      const comparable = (keys: Iterable<string>) =>
        [
          ...new Set([...keys].map((key) => (bases.has(singular(key)) ? singular(key) : key))),
        ].sort();
      expect(comparable(messages.keys())).toEqual(comparable(english.keys()));
      for (const [key, message] of english) {
        const base = singular(key);
        if (bases.has(base)) continue;
        expect(placeholders(messages.get(key) ?? ''), `${language} ${key}`).toEqual(
          placeholders(message),
        );
      }
    },
  );

  it.each(UI_LANGUAGES)(
    '%s has the plural forms its language uses, with the same placeholders as English',
    (language) => {
      const messages = locales.get(language)!;
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const base of pluralBases(english.keys())) {
        for (const category of categories) {
          // "many" (French and Spanish millions) falls back to "other" by design, see messages.ts.
          if (category === 'many') continue;
          const message = messages.get(`${base}.${category}`);
          expect(message, `${language} ${base}.${category}`).toBeTruthy();
          // {count} may be left out ("e.jpg was not added"); every other placeholder must be there.
          const wanted = placeholders(english.get(`${base}.other`)!).filter(
            (name) => name !== 'count',
          );
          const found = placeholders(message ?? '').filter((name) => name !== 'count');
          expect(found, `${language} ${base}.${category}`).toEqual(wanted);
        }
        for (const key of messages.keys()) {
          if (!key.startsWith(`${base}.`)) continue;
          expect(PLURAL_CATEGORIES.has(key.slice(base.length + 1)), key).toBe(true);
        }
      }
    },
  );

  it('have no empty message and no dollar sign, which browser.i18n would read as a substitution', () => {
    for (const [language, messages] of locales) {
      for (const [key, message] of messages) {
        expect(message.trim(), `${language} ${key}`).not.toBe('');
        expect(message, `${language} ${key}`).not.toContain('$');
      }
    }
  });

  it('keep the product names untranslated', () => {
    for (const [language, messages] of locales) {
      for (const [key, message] of english) {
        for (const name of ['Crosswind', 'Mastodon', 'Bluesky']) {
          if (!message.includes(name)) continue;
          const translated = messages.get(key);
          if (translated === undefined) continue;
          expect(translated, `${language} ${key}`).toContain(name);
        }
      }
    }
  });
});
