import { useState } from 'react';
import { isPageTemplate, PAGE_TEMPLATES, type PageTemplate } from '@/utils/capture/template';
import { t } from '@/utils/i18n/messages';
import { altReminderStorage, pageTemplateStorage } from '@/utils/storage';
import { useStoredValue } from '@/utils/use-stored-value';
import { LanguageSelect } from './LanguageSelect';

/** Settings that change how the composer behaves; each is saved the moment it changes. */
export function PreferencesForm() {
  const stored = useStoredValue(altReminderStorage);
  // Shown at once, not after storage answers: a checkbox that lags behind a click looks broken.
  const [altReminder, setAltReminder] = useState<boolean>();
  const checked = altReminder ?? stored ?? true;
  const storedTemplate = useStoredValue(pageTemplateStorage);
  const [template, setTemplate] = useState<PageTemplate>();
  return (
    <section aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">{t('preferences.heading')}</h2>
      <LanguageSelect />
      <label className="check">
        <input
          type="checkbox"
          checked={checked}
          disabled={stored === undefined}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            setAltReminder(on);
            void altReminderStorage.setValue(on);
          }}
        />
        {t('preferences.altReminder')}
      </label>
      <label className="field">
        <span>{t('preferences.pageTemplate')}</span>
        <select
          value={template ?? storedTemplate ?? PAGE_TEMPLATES[0]!.value}
          disabled={storedTemplate === undefined}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (!isPageTemplate(value)) return;
            setTemplate(value);
            void pageTemplateStorage.setValue(value);
          }}
        >
          {PAGE_TEMPLATES.map((item) => (
            <option key={item.value} value={item.value}>
              {t(item.label)}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t('preferences.quoteHint')}</p>
    </section>
  );
}
