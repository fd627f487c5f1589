import type { Page } from '@playwright/test';
import { TOTALS_KEY } from '../../utils/outbox/totals';
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
 * page in the shape the outbox keeps (`utils/outbox/db.ts`) with its totals, and marks them notified as a real
 * history is. The background is not told: it reads the outbox afresh for every post anyway.
 */
export async function replaceHistory(page: Page, count: number): Promise<void> {
  const posts = Array.from({ length: count }, (_, index) => historyPost(index));
  await page.evaluate(
    async ({ jobs, totalsKey }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('crosswind-outbox');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(['jobs', 'meta'], 'readwrite');
        const store = transaction.objectStore('jobs');
        store.clear();
        let bytes = 0;
        jobs.forEach((job, index) => {
          const record = {
            id: job.id,
            seq: index + 1,
            draftId: job.draftId,
            unfinished: 0,
            settled: 1,
            bytes: JSON.stringify(job).length,
            job,
          };
          bytes += record.bytes;
          store.put(record);
        });
        // The totals the outbox keeps beside its posts (`utils/outbox/totals.ts`).
        transaction.objectStore('meta').put({ count: jobs.length, bytes }, totalsKey);
        transaction.oncomplete = () => resolve();
        transaction.onabort = () => reject(transaction.error);
      });
      db.close();
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
      };
      await chrome.storage.local.set({ notifiedJobs: jobs.map((job) => job.id) });
    },
    { jobs: posts, totalsKey: TOTALS_KEY },
  );
}
