import { useEffect, useState } from 'react';

/**
 * Runs `work` once the page's next frame is on screen: for what the first frame does without
 * (counters, the outbox, messages that wake the worker), so it never delays that frame. Returns a
 * function that cancels it if it has not run yet.
 */
export function afterFirstFrame(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A hidden page paints no frames: its work runs at once, in the next task.
  if (document.visibilityState === 'hidden') {
    timer = setTimeout(work, 0);
    return () => clearTimeout(timer);
  }
  // A frame callback runs just before its frame is painted; a task queued there, once it has been.
  const frame = requestAnimationFrame(() => (timer = setTimeout(work, 0)));
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Resolves once the page's next frame is on screen (see `afterFirstFrame`). */
export function firstFramePainted(): Promise<void> {
  return new Promise((resolve) => afterFirstFrame(resolve));
}

/** False in the first frame, true from the next render on: for what only later frames show. */
export function useFirstFramePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterFirstFrame(() => setPainted(true)), []);
  return painted;
}
