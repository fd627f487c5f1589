import { storage } from 'wxt/utils/storage';

/**
 * Said by the background after every change to the outbox, so pages and the badge know to read
 * again: the outbox itself is in IndexedDB, which tells no one when it changes.
 */
export interface OutboxChange {
  /** Unique per change, so two changes to the same post are two storage events. */
  stamp: string;
  /** The post that changed; absent when many did (history cleared, first migration). */
  jobId?: string;
}

export const outboxChangeStorage = storage.defineItem<OutboxChange | null>('local:outboxChange', {
  fallback: null,
});
