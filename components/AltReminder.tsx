import { useEffect, useRef } from 'react';
import { t, tn } from '@/utils/i18n/messages';

/** Asks, after Post, whether to describe the images that have no alt text or to post anyway. */
export function AltReminder(props: { missing: number; onAddAlt(): void; onPostAnyway(): void }) {
  const addAlt = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // The safer answer gets focus, so a second Enter does not post by accident.
    addAlt.current?.focus();
  }, []);

  const text = tn('altReminder.missing', props.missing);
  return (
    <div
      className="alt-reminder"
      role="alertdialog"
      aria-labelledby="alt-reminder-text"
      aria-describedby="alt-reminder-why"
    >
      <p id="alt-reminder-text">{text}</p>
      <p id="alt-reminder-why" className="hint">
        {t('altReminder.why')}
      </p>
      <div className="confirm">
        <button type="button" ref={addAlt} className="primary" onClick={props.onAddAlt}>
          {t('altReminder.addAlt')}
        </button>
        <button type="button" onClick={props.onPostAnyway}>
          {t('altReminder.postAnyway')}
        </button>
      </div>
    </div>
  );
}
