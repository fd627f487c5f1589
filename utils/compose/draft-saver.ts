/**
 * Saves the draft as it changes, without letting typing wait for storage. A popup opened from the
 * toolbar is closed by the browser the moment the user clicks elsewhere, and from then on no
 * storage write the page makes arrives: not from `pagehide`, not from `blur` (measured in
 * Chromium, tests/e2e/toolbar-popup.spec.ts). So typing is written right after the frame that
 * shows the key, not from a timer: keys typed before that frame, or while a write is on its way,
 * go together in the next write, so there is at most one write at a time however fast the keys
 * come or however large the draft is.
 */
export interface DraftSaver {
  /** Saves now (a choice): resolves once stored, and carries whatever typing was waiting. */
  now(): Promise<void>;
  /** Saves typing once `later` runs, or, while a write is on its way, right after it. */
  soon(): void;
  /** Saves whatever is not stored yet; resolves once the draft as it is now is stored. */
  flush(): Promise<void>;
  /** Drops a waiting save: the stored draft was replaced by someone else (the post was sent). */
  cancel(): void;
}

/** Runs at once; the default of `draftSaver` where no page draws frames. */
const atOnce = (run: () => void) => {
  run();
  return () => undefined;
};

/**
 * `save` reads the draft when it runs, so each write carries the latest one. `later` decides when
 * typing is written (in a page: right after the key's frame, which the write's serialising and
 * the browser's echo of the change would otherwise delay); it returns a cancel.
 */
export function draftSaver(
  save: () => Promise<void>,
  later: (run: () => void) => () => void = atOnce,
): DraftSaver {
  let writing: Promise<void> | undefined;
  let waiting = false;
  let cancelScheduled: (() => void) | undefined;
  const unschedule = () => {
    cancelScheduled?.();
    cancelScheduled = undefined;
  };
  const write = (): Promise<void> => {
    waiting = false;
    unschedule();
    const saved = save();
    const done: Promise<void> = saved.then(
      () => afterWrite(done),
      () => afterWrite(done),
    );
    writing = done;
    return saved;
  };
  // Nobody awaits a save of typing; a failed one is retried by the next key or choice.
  const writeTyping = () =>
    void write().catch((error: unknown) =>
      console.warn('Crosswind could not save the draft', error),
    );
  const schedule = () => {
    if (cancelScheduled) return;
    let ran = false;
    const cancel = later(() => {
      ran = true;
      cancelScheduled = undefined;
      writeTyping();
    });
    if (!ran) cancelScheduled = cancel;
  };
  const afterWrite = (done: Promise<void>) => {
    // A choice may have written again meanwhile; only the last write hands on to what waits.
    if (writing !== done) return;
    writing = undefined;
    if (waiting) schedule();
  };
  return {
    now: write,
    soon() {
      waiting = true;
      if (!writing) schedule();
    },
    async flush() {
      if (waiting) await write();
      else await writing;
    },
    cancel() {
      waiting = false;
      unschedule();
    },
  };
}

/**
 * Flushes waiting saves when the page is hidden or closed, for a page that still can: a tab
 * being closed, or a popup in a browser that lets its last writes through. Both events, as a
 * page that is closed may get only one of them. Returns a function that stops listening.
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
