import { useCallback, useEffect, useRef, useState } from 'react';
import { outboxChangeStorage } from '@/utils/outbox/change';
import { readHistoryView, withChange, withNextPage, type HistoryView } from './history-view';

type Step = (view: HistoryView | undefined) => Promise<HistoryView>;

/**
 * The sent-posts page's view of the outbox: the first screen at once, older pages on request,
 * and each change the background announces applied as it comes. Steps run one at a time, so a
 * page read and a change never overwrite each other.
 */
export function useHistory(): { view: HistoryView | undefined; loadMore: () => void } {
  const [view, setView] = useState<HistoryView>();
  const run = useRef<(step: Step) => void>(undefined);
  useEffect(() => {
    let live = true;
    let current: HistoryView | undefined;
    let queue = Promise.resolve();
    run.current = (step) => {
      queue = queue
        .then(async () => {
          current = await step(current);
          if (live) setView(current);
        })
        .catch((error: unknown) => console.warn('Crosswind could not read the history', error));
    };
    run.current(() => readHistoryView());
    const unwatch = outboxChangeStorage.watch((change) =>
      run.current?.((previous) => withChange(previous, change)),
    );
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  const loadMore = useCallback(
    () => run.current?.((previous) => (previous ? withNextPage(previous) : readHistoryView())),
    [],
  );
  return { view, loadMore };
}
