import type { Page } from '@playwright/test';
import { DB_NAME, JOBS_STORE, META_STORE, toRecord } from '../../utils/outbox/db';
import { TOTALS_KEY, type HistoryTotals } from '../../utils/outbox/totals';
import type { PostJob, TargetJob } from '../../utils/publish/types';

const PARAGRAPH =
  'A long post about the open social web, written once and sent to every network at the same time, the way people who post in threads actually write: several paragraphs, links to what they read, a hashtag or two. #fediverse https://example.com/an/article/with/a/long/address ';

function target(accountId: string, network: 'mastodon' | 'bluesky', parts: number): TargetJob {
  return {
    accountId,
    status: 'done',
    content: { parts: Array.from({ length: parts }, () => PARAGRAPH.repeat(2)), language: 'en' },
    parts: Array.from({ length: parts }, (_, index) => ({
      idempotencyKey: `${network}-key-${index}-0123456789abcdef`,
      result:
        network === 'mastodon'
          ? {
              id: `1130${index}4567890123`,
              url: `https://mastodon.example/@alice/1130${index}4567890123`,
            }
          : {
              id: `at://did:plc:abcdefghijklmnopqrstuvwx/app.bsky.feed.post/3kabcdefg${index}`,
              url: `https://bsky.app/profile/alice.test/post/3kabcdefg${index}`,
              cid: 'bafyreia2j4xb6zvqz6yqf3n7a7y3k4rjx5oq2t7w3qjz4d5ylvhb3nq2ja',
            },
    })),
    attempts: 1,
    updatedAt: 1,
  };
}

/** A sent post like real ones: a 4-part thread to Mastodon and Bluesky; every fifth a 10-part one. */
export function historyPost(index: number): PostJob {
  const parts = index % 5 === 0 ? 10 : 4;
  return {
    id: `history-${index}`,
    draftId: `history-draft-${index}`,
    createdAt: 1_700_000_000_000 + index * 60_000,
    summary: PARAGRAPH.repeat(2 * parts),
    targets: [
      target('mastodon-account', 'mastodon', parts),
      target('bluesky-account', 'bluesky', parts),
    ],
  };
}

/**
 * Replaces the outbox with `count` sent posts, written straight into IndexedDB from an extension
 * page as the outbox stores them (`toRecord`, with its totals), and marks them notified as a real
 * history is. The background is not told: it reads the outbox afresh for every post anyway.
 */
export async function replaceHistory(page: Page, count: number): Promise<void> {
  const history = Array.from({ length: count }, (_, index) =>
    toRecord(historyPost(index), index + 1),
  );
  const historyTotals: HistoryTotals = {
    count,
    bytes: history.reduce((sum, record) => sum + record.bytes, 0),
  };
  await page.evaluate(
    async ({ records, totals, names }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(names.db);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction([names.jobs, names.meta], 'readwrite');
        const store = transaction.objectStore(names.jobs);
        store.clear();
        for (const record of records) store.put(record);
        transaction.objectStore(names.meta).put(totals, names.totals);
        transaction.oncomplete = () => resolve();
        transaction.onabort = () => reject(transaction.error);
      });
      db.close();
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
      };
      await chrome.storage.local.set({ notifiedJobs: records.map((record) => record.id) });
    },
    {
      records: history,
      totals: historyTotals,
      // The page function runs in the browser: the outbox's names go in as arguments.
      names: { db: DB_NAME, jobs: JOBS_STORE, meta: META_STORE, totals: TOTALS_KEY },
    },
  );
}
