const DB_NAME = 'crosswind-outbox';

/** Empties the outbox between tests (the database itself stays, as the store keeps it open). */
export async function clearOutbox(): Promise<void> {
  const databases = await indexedDB.databases();
  if (!databases.some((database) => database.name === DB_NAME)) return;
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction('jobs', 'readwrite');
      transaction.objectStore('jobs').clear();
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onabort = () => reject(transaction.error);
    };
  });
}
