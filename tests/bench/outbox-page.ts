import type { Page } from '@playwright/test';
import type { PostJob } from '../../utils/publish/types';

/** The newest post in the outbox, read from the extension page's IndexedDB as the pages do. */
export function newestJob(page: Page): Promise<PostJob> {
  return page.evaluate(
    () =>
      new Promise<PostJob>((resolve, reject) => {
        const open = indexedDB.open('crosswind-outbox');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const cursor = db
            .transaction('jobs')
            .objectStore('jobs')
            .index('seq')
            .openCursor(null, 'prev');
          cursor.onerror = () => reject(cursor.error);
          cursor.onsuccess = () => {
            const record = cursor.result?.value as { job: PostJob } | undefined;
            db.close();
            if (record) resolve(record.job);
            else reject(new Error('The outbox is empty'));
          };
        };
      }),
  );
}
