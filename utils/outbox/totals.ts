import { LEDGER, type LedgerKey, type TransactionScope } from './db';

/** How many posts the history holds and about how many bytes they take. */
export interface HistoryTotals {
  count: number;
  bytes: number;
}

/**
 * Kept in the meta store and changed in the same transaction as the posts, so bounding the
 * history on a new post reads one record instead of walking every post's key.
 */
export const TOTALS_KEY = 'totals';

function isTotals(value: unknown): value is HistoryTotals {
  if (typeof value !== 'object' || value === null) return false;
  const { count, bytes } = value as Record<string, unknown>;
  return Number.isSafeInteger(count) && Number.isSafeInteger(bytes);
}

/**
 * Hands `then` the totals: the kept ones, or, where none are kept (a history from before they
 * existed, or one just cleared), the sum over the ledger index, counted once and kept from then on.
 */
export function withTotals(
  { store, meta, guard }: TransactionScope,
  then: (totals: HistoryTotals) => void,
): void {
  const kept = meta.get(TOTALS_KEY);
  kept.onsuccess = guard(() => {
    if (isTotals(kept.result)) {
      then(kept.result);
      return;
    }
    const totals: HistoryTotals = { count: 0, bytes: 0 };
    const cursor = store.index(LEDGER).openKeyCursor();
    cursor.onsuccess = guard(() => {
      const at = cursor.result;
      if (!at) {
        then(totals);
        return;
      }
      totals.count += 1;
      totals.bytes += (at.key as LedgerKey)[1];
      at.continue();
    });
  });
}

export function keepTotals({ meta }: TransactionScope, totals: HistoryTotals): void {
  meta.put(totals, TOTALS_KEY);
}

/**
 * Applies one post's change to the kept totals. Where none are kept there is nothing to correct:
 * the next new post counts them afresh.
 */
export function adjustTotals(scope: TransactionScope, change: HistoryTotals): void {
  const kept = scope.meta.get(TOTALS_KEY);
  kept.onsuccess = scope.guard(() => {
    if (!isTotals(kept.result)) return;
    keepTotals(scope, {
      count: kept.result.count + change.count,
      bytes: kept.result.bytes + change.bytes,
    });
  });
}

/** Forgets the totals after a change to many posts at once: the next new post counts them afresh. */
export function forgetTotals({ meta }: TransactionScope): void {
  meta.delete(TOTALS_KEY);
}
