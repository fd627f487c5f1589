import { useEffect, useState } from 'react';
import { outboxChangeStorage, type OutboxChange } from './outbox/change';

/**
 * What `read` finds in the outbox, read again after every change the background announces;
 * undefined while the first read runs. `read` gets the change (null the first time) so it can
 * read only what changed; it must be stable (useCallback), or every render reads again.
 */
export function useOutbox<T>(
  read: (change: OutboxChange | null, previous: T | undefined) => Promise<T>,
): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    let current: T | undefined;
    // One read at a time, in order: a slow early read must never overwrite a later one.
    let queue = Promise.resolve();
    const refresh = (change: OutboxChange | null) => {
      queue = queue
        .then(async () => {
          const next = await read(change, current);
          current = next;
          if (live) setValue(next);
        })
        .catch((error: unknown) => console.warn('Crosswind could not read the outbox', error));
    };
    refresh(null);
    const unwatch = outboxChangeStorage.watch((change) => refresh(change));
    return () => {
      live = false;
      unwatch();
    };
  }, [read]);
  return value;
}
