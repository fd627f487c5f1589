import type { StoredItem } from './local-item';

/**
 * Wraps a stored value so that every change is a serialized read-modify-write: several network
 * calls finish at the same moment, and two unserialized updates would lose one of them.
 */
export function serialUpdater<T>(item: StoredItem<T>) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    update<R>(change: (value: T) => R): Promise<R> {
      const next = queue.then(async () => {
        // A copy: the item may hand out its shared fallback object, which must never be mutated.
        const value = structuredClone(await item.getValue());
        const result = change(value);
        await item.setValue(value);
        return result;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    /** Reads the value once every queued change has landed. */
    async read(): Promise<T> {
      await queue;
      return item.getValue();
    },
  };
}
