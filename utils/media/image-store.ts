/**
 * Attached images, kept as files in the extension origin's IndexedDB: the popup writes them as
 * they are attached (so closing it loses nothing), the background reads them to upload.
 */
const DB_NAME = 'crosswind-media';
const STORE = 'images';

let opening: Promise<IDBDatabase> | undefined;

function openStore(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('Could not open the image store'));
  }).catch((error: unknown) => {
    opening = undefined;
    throw error;
  });
  return opening;
}

async function run<T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest,
): Promise<T> {
  const db = await openStore();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = action(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result as T);
    transaction.onerror = () => reject(transaction.error ?? new Error('Image store failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('Image store aborted'));
  });
}

// Stored as bytes, not as a Blob: every IndexedDB (and structuredClone) can hold an ArrayBuffer.
interface StoredImage {
  bytes: ArrayBuffer;
  type: string;
}

/** Keeps an attached file under its id. */
export async function saveImage(id: string, file: Blob): Promise<void> {
  const stored: StoredImage = { bytes: await file.arrayBuffer(), type: file.type };
  await run('readwrite', (store) => store.put(stored, id));
}

/** The attached file, or undefined once it has been removed. */
export async function loadImage(id: string): Promise<Blob | undefined> {
  const stored = await run<StoredImage | undefined>('readonly', (store) => store.get(id));
  return stored ? new Blob([stored.bytes], { type: stored.type }) : undefined;
}

/** Removes one attached file. */
export async function deleteImage(id: string): Promise<void> {
  await run('readwrite', (store) => store.delete(id));
}

/** Removes every file that neither the draft nor an unfinished post still needs. */
export async function keepOnlyImages(needed: Set<string>): Promise<void> {
  const ids = await run<IDBValidKey[]>('readonly', (store) => store.getAllKeys());
  await Promise.all(
    ids
      .filter((id) => typeof id === 'string' && !needed.has(id))
      .map((id) => deleteImage(String(id))),
  );
}
