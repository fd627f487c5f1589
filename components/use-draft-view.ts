import { startTransition, useEffect, useState } from 'react';
import type { Draft } from '@/utils/compose/draft';
import { afterFirstFrame } from '@/utils/after-first-frame';
import { differsOnlyIn } from '@/utils/compose/draft-diff';
import { useComposer, type ComposerState } from '@/utils/composer-store';

// What a key in the post's text changes. The textarea reads the text from the store itself.
const MAIN_TEXT: ReadonlySet<keyof Draft> = new Set(['text', 'updatedAt']);

/**
 * The least time between two catch-ups while typing goes on, and the pause after which the last
 * keys are caught up. The first key after a pause is counted right after its frame; in a run of
 * keys, the first key past the gap is, so a count starts just after a key, as far as it can be
 * from the next one (on a loaded machine a count could otherwise still be running when it came).
 */
export const CATCH_UP_GAP_MS = 200;

/**
 * Whether a store change can reach the composer around the textarea in a transition: only the
 * post's text changed, which nothing there edits. A checkbox, a warning or a separate text is an
 * input the user is working in, and must show its change in the same frame.
 */
export function deferrableChange(next: ComposerState, previous: ComposerState): boolean {
  return (
    next.hydrated === previous.hydrated && differsOnlyIn(previous.draft, next.draft, MAIN_TEXT)
  );
}

/**
 * The draft the composer around the textarea shows. A key typed in the post's text reaches it
 * once the key's frame is painted, in a transition React may interrupt for the next key: the
 * frame after a key redraws the textarea alone, and the counters, threads and link card follow
 * once counted. Anything that acts on the text (posting, a separate version) reads the store,
 * which has every key.
 */
export function useDraftView(): Draft {
  const [draft, setDraft] = useState(() => useComposer.getState().draft);
  useEffect(() => {
    // A change between the first render and this subscription (a write from the background)
    // would otherwise stay unseen until the next one; mostly there is none, and nothing renders.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setDraft(useComposer.getState().draft);
    // One catch-up at a time, reading the store when it runs: it has every key typed till then.
    let afterFrame: (() => void) | undefined;
    let afterPause: ReturnType<typeof setTimeout> | undefined;
    let caughtUpAt = -Infinity;
    const catchUp = () => {
      afterFrame = undefined;
      caughtUpAt = performance.now();
      startTransition(() => setDraft(useComposer.getState().draft));
    };
    const cancel = () => {
      afterFrame?.();
      afterFrame = undefined;
      clearTimeout(afterPause);
      afterPause = undefined;
    };
    const unsubscribe = useComposer.subscribe((next, previous) => {
      if (next.draft === previous.draft) return;
      if (!deferrableChange(next, previous)) {
        cancel();
        setDraft(next.draft);
        return;
      }
      if (afterFrame) return;
      clearTimeout(afterPause);
      // After the key's frame is on screen: a transition started at once could still be
      // rendered, and its counters laid out, before that frame.
      if (performance.now() - caughtUpAt >= CATCH_UP_GAP_MS) {
        afterFrame = afterFirstFrame(catchUp);
        return;
      }
      // Keys keep coming: the next one past the gap catches up. Should typing stop here, these
      // keys are caught up once it has paused for the gap.
      afterPause = setTimeout(() => {
        afterPause = undefined;
        afterFrame = afterFirstFrame(catchUp);
      }, CATCH_UP_GAP_MS);
    });
    return () => {
      cancel();
      unsubscribe();
    };
  }, []);
  return draft;
}
