/**
 * Saves the draft as it changes, without ever letting typing wait for storage. A popup opened
 * from the toolbar is closed by the browser the moment the user clicks elsewhere, and from then
 * on nothing the page asks of extension storage arrives: not from `pagehide`, not from `blur`
 * (measured in Chromium, tests/e2e/toolbar-popup.spec.ts). So a key is written as soon as it is
 * typed, not from a timer, and never behind it: keys typed while a write is on its way wait for
 * that write and go together in the next one, so there is at most one write at a time however
 * fast the keys come or however large the draft is.
 */
export interface DraftSaver {
  /** Saves now (a choice): resolves once stored, and carries whatever typing was waiting. */
  now(): Promise<void>;
  /** Saves typing now, or, while a write is on its way, right after it with every key since. */
  soon(): void;
  /** Saves whatever is not stored yet; resolves once the draft as it is now is stored. */
  flush(): Promise<void>;
  /** Drops a waiting save: the stored draft was replaced by someone else (the post was sent). */
  cancel(): void;
}

/** `save` reads the draft when it runs, so each write carries the latest one. */
export function draftSaver(save: () => Promise<void>): DraftSaver {
  let writing: Promise<void> | undefined;
  let waiting = false;
  const write = (): Promise<void> => {
    waiting = false;
    const saved = save();
    const done: Promise<void> = saved.then(
      () => afterWrite(done),
      () => afterWrite(done),
    );
    writing = done;
    return saved;
  };
  const afterWrite = (done: Promise<void>) => {
    // A choice may have written again meanwhile; only the last write hands on to what waits.
    if (writing !== done) return;
    writing = undefined;
    if (waiting) writeTyping();
  };
  // Nobody awaits a save of typing; a failed one is retried by the next key or choice.
  const writeTyping = () =>
    void write().catch((error: unknown) =>
      console.warn('Crosswind could not save the draft', error),
    );
  return {
    now: write,
    soon() {
      if (writing) waiting = true;
      else writeTyping();
    },
    async flush() {
      if (waiting) await write();
      else await writing;
    },
    cancel() {
      waiting = false;
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
