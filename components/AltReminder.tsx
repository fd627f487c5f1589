import { useEffect, useRef } from 'react';

/** Asks, after Post, whether to describe the images that have no alt text or to post anyway. */
export function AltReminder(props: { missing: number; onAddAlt(): void; onPostAnyway(): void }) {
  const addAlt = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // The safer answer gets focus, so a second Enter does not post by accident.
    addAlt.current?.focus();
  }, []);

  const text =
    props.missing === 1 ? '1 image has no alt text.' : `${props.missing} images have no alt text.`;
  return (
    <div
      className="alt-reminder"
      role="alertdialog"
      aria-labelledby="alt-reminder-text"
      aria-describedby="alt-reminder-why"
    >
      <p id="alt-reminder-text">{text}</p>
      <p id="alt-reminder-why" className="hint">
        People who use screen readers, or whose images do not load, rely on it.
      </p>
      <div className="confirm">
        <button type="button" ref={addAlt} className="primary" onClick={props.onAddAlt}>
          Add alt text
        </button>
        <button type="button" onClick={props.onPostAnyway}>
          Post anyway
        </button>
      </div>
    </div>
  );
}
