import path from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import type { MessageArgs, MessageKey } from '../../utils/i18n/messages';
import { UI_LANGUAGES, type UiLanguage } from '../../utils/i18n/languages';

/** Every language's messages, read from the files the build turns into `_locales`. */
const catalogs = new Map<UiLanguage, Map<string, string>>();
for (const language of UI_LANGUAGES) {
  const entries = await parseMessagesFile(path.resolve(`locales/${language}.yml`));
  catalogs.set(
    language,
    new Map(entries.map((entry) => [entry.key.join('.'), 'message' in entry ? entry.message : ''])),
  );
}

/**
 * What the extension shows for a key in a language, placeholders filled, so that a test can
 * click "Posten" in German by the same key the component uses, and fails if the page is not in
 * that language.
 */
export function message<K extends MessageKey>(
  language: UiLanguage,
  key: K,
  ...args: MessageArgs<K>
): string {
  const text = catalogs.get(language)?.get(key);
  if (text === undefined) throw new Error(`no message ${key} in ${language}`);
  const params = (args[0] ?? {}) as Record<string, string | number>;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Chromium switches that make the browser's UI, and so browser.i18n, use a language. */
export function languageArgs(language: UiLanguage): string[] {
  return language === 'en' ? [] : [`--lang=${language}`];
}
