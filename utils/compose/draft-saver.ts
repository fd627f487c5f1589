/**
 * How long typing may go unsaved at most. Writing the whole draft to extension storage on every
 * key (a 200 kB text: serialised, sent to the browser, and echoed back to every open page) took
 * time from the frame each key should paint; a hidden or closing page saves what waits at once
 * (see `saveWhenHidden`), so what is typed is kept all the same.
 */
export const TYPING_SAVE_DELAY_MS = 400;

/**
 * Saves the draft at once for a choice. Typing saves at once too after a pause, and while it goes
 * on at most every `delayMs` (with every change made until then) from a timer, not from a key.
 */
export interface DraftSaver {
  /** Saves now; a save that was waiting is no longer needed. */
  now(): Promise<void>;
  /** Saves now after a pause in typing, else with the next timed save. */
  soon(): void;
  /** Saves now if typing is waiting to be saved; resolves once stored. */
  flush(): Promise<void>;
  /** Drops a waiting save: the stored draft was replaced by someone else (the post was sent). */
  cancel(): void;
}

/** `save` reads the draft when it runs, so a waiting save writes the latest one. */
export function draftSaver(save: () => Promise<void>, delayMs = TYPING_SAVE_DELAY_MS): DraftSaver {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting = false;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    waiting = false;
  };
  // Saves what waited, then waits another `delayMs`; stops after a quiet one.
  const tick = () => {
    if (!waiting) {
      timer = undefined;
      return;
    }
    waiting = false;
    timer = setTimeout(tick, delayMs);
    void save();
  };
  return {
    now() {
      cancel();
      return save();
    },
    soon() {
      if (timer !== undefined) {
        waiting = true;
        return;
      }
      timer = setTimeout(tick, delayMs);
      void save();
    },
    async flush() {
      if (!waiting) return;
      cancel();
      await save();
    },
    cancel,
  };
}

/**
 * Flushes waiting saves when the page is hidden or closed: a popup closes as soon as the user
 * clicks elsewhere, and what was typed just before must still be there next time. Both events,
 * as a page that is closed may get only one of them. Returns a function that stops listening.
 */
export function saveWhenHidden(target: Window, flush: () => Promise<void>): () => void {
  // The write is on its way once flush has been called; a closing page cannot wait for it.
  const onPageHide = () => void flush();
  const onHidden = () => {
    if (target.document.visibilityState === 'hidden') void flush();
  };
  target.addEventListener('pagehide', onPageHide);
  target.document.addEventListener('visibilitychange', onHidden);
  return () => {
    target.removeEventListener('pagehide', onPageHide);
    target.document.removeEventListener('visibilitychange', onHidden);
  };
}
