import { defineObjectStore } from '../idb';

/**
 * Attached images, kept as files in the extension origin's IndexedDB: the popup writes them as
 * they are attached (so closing it loses nothing), the background reads them to upload.
 */
const run = defineObjectStore('crosswind-media', 'images');

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
