import { useState } from 'react';
import { uiLanguageStorage } from '@/utils/i18n/language-storage';
import { isUiLanguage, UI_LANGUAGES, type UiLanguage } from '@/utils/i18n/languages';
import { activeLanguage, browserLanguage, t } from '@/utils/i18n/messages';
import { useStoredValue } from '@/utils/use-stored-value';

/** A select's value for "follow the browser", which storage keeps as null. */
const BROWSER = 'browser';

/** A language's name in that language ("Deutsch", "日本語"), as language menus conventionally list them. */
function nameInItself(language: UiLanguage): string {
  const name = new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

/** The language Crosswind would show without an override, named in the language now on screen. */
function browserLanguageName(): string {
  const language = browserLanguage();
  return new Intl.DisplayNames([activeLanguage()], { type: 'language' }).of(language) ?? language;
}

/** Picks the language of Crosswind's own words; the page reloads in it once stored. */
export function LanguageSelect() {
  const stored = useStoredValue(uiLanguageStorage);
  const [picked, setPicked] = useState<string>();
  return (
    <>
      <label className="field">
        <span>{t('preferences.language')}</span>
        <select
          aria-describedby="language-hint"
          value={picked ?? (stored === undefined ? BROWSER : (stored ?? BROWSER))}
          disabled={stored === undefined}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setPicked(value);
            void uiLanguageStorage.setValue(isUiLanguage(value) ? value : null);
          }}
        >
          <option value={BROWSER}>
            {t('preferences.languageBrowser', { language: browserLanguageName() })}
          </option>
          {UI_LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {nameInItself(language)}
            </option>
          ))}
        </select>
      </label>
      <p id="language-hint" className="hint">
        {t('preferences.languageHint')}
      </p>
    </>
  );
}
