import { defineObjectStore } from '../idb';

/**
 * Attached videos and their poster frames, kept in the extension origin's IndexedDB: the popup
 * writes a clip as it is attached (closing the popup loses nothing), the background reads it to
 * upload. Files are stored as Blobs, which the browser keeps on disk: a 100 MB clip is never
 * read into memory to be stored, and an upload streams it or reads it in slices.
 */
const run = defineObjectStore('crosswind-video', 'videos');

const posterKey = (id: string) => `${id}#poster`;

/** Keeps an attached clip under its id. */
export async function saveVideo(id: string, file: Blob): Promise<void> {
  await run('readwrite', (store) => store.put(file, id));
}

/** The attached clip, or undefined once it has been removed. */
export async function loadVideo(id: string): Promise<Blob | undefined> {
  const stored = await run<unknown>('readonly', (store) => store.get(id));
  return stored instanceof Blob ? stored : undefined;
}

/** Keeps the still shown for a clip (a small JPEG made when it was attached). */
export async function savePoster(id: string, poster: Blob): Promise<void> {
  await run('readwrite', (store) => store.put(poster, posterKey(id)));
}

/** The clip's still, if one could be made. */
export async function loadPoster(id: string): Promise<Blob | undefined> {
  const stored = await run<unknown>('readonly', (store) => store.get(posterKey(id)));
  return stored instanceof Blob ? stored : undefined;
}

/** Removes a clip and its still. */
export async function deleteVideo(id: string): Promise<void> {
  await run('readwrite', (store) => store.delete(id));
  await run('readwrite', (store) => store.delete(posterKey(id)));
}

/** Removes every clip (and still) that neither the draft nor an unfinished post still needs. */
export async function keepOnlyVideos(needed: Set<string>): Promise<void> {
  const keys = await run<IDBValidKey[]>('readonly', (store) => store.getAllKeys());
  const stale = keys
    .filter((key): key is string => typeof key === 'string')
    .filter((key) => !needed.has(key.replace(/#poster$/, '')));
  for (const key of stale) await run('readwrite', (store) => store.delete(key));
}
