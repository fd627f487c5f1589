import { useEffect, useState } from 'react';
import type { StoredItem } from './local-item';

/**
 * The current value of a stored item, kept live as other contexts change it; undefined while
 * loading. `initial` is the value when the page has read it already: shown at once, then read
 * again behind the watch, so a change in between is not missed.
 */
export function useStoredValue<T>(item: StoredItem<T>, initial?: T): T | undefined {
  const [value, setValue] = useState<T | undefined>(initial);
  useEffect(() => {
    let live = true;
    void item.getValue().then((stored) => {
      if (live) setValue(stored);
    });
    const unwatch = item.watch((next) => setValue(next));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}
