import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { UI_LANGUAGES, type UiLanguage } from '@/utils/i18n/languages';

/** The folder the i18n module reads (`<srcDir>/locales`). */
export const LOCALES_DIR = `${resolve('locales')}/`;

/** The language files present on disk, by name (`de.yml` → `de`). */
export function localeFileLanguages(): string[] {
  return readdirSync(LOCALES_DIR)
    .filter((file) => file.endsWith('.yml'))
    .map((file) => file.replace(/\.yml$/, ''))
    .sort();
}

/** One language's messages as dotted key → text, as the build sees them (predefined @@ keys left out). */
export async function readLocale(language: UiLanguage): Promise<Map<string, string>> {
  const parsed = await parseMessagesFile(`${LOCALES_DIR}${language}.yml`);
  const map = new Map<string, string>();
  for (const entry of parsed) {
    const key = entry.key.join('.');
    if (key.startsWith('@@')) continue;
    if (entry.type !== 'simple') throw new Error(`${language}: ${key} is not a plain message`);
    map.set(key, entry.message);
  }
  return map;
}

/** Every shipped language's messages. */
export async function readAllLocales(): Promise<Map<UiLanguage, Map<string, string>>> {
  const all = new Map<UiLanguage, Map<string, string>>();
  for (const language of UI_LANGUAGES) all.set(language, await readLocale(language));
  return all;
}
