import { useState } from 'react';
import { altReminderStorage } from '@/utils/storage';
import { useStoredValue } from '@/utils/use-stored-value';

/** Settings that change how the composer behaves; each is saved the moment it changes. */
export function PreferencesForm() {
  const stored = useStoredValue(altReminderStorage);
  // Shown at once, not after storage answers: a checkbox that lags behind a click looks broken.
  const [altReminder, setAltReminder] = useState<boolean>();
  const checked = altReminder ?? stored ?? true;
  return (
    <section aria-labelledby="preferences-heading">
      <h2 id="preferences-heading">Preferences</h2>
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
        Remind me when an image has no alt text
      </label>
    </section>
  );
}
