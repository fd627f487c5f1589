/**
 * The name every Crosswind page and the worker queue under before they change stored media or
 * the draft's media: a composer sweeping unused files must not run between another composer
 * storing a file and storing the draft that names it, or it deletes a file about to be posted.
 */
const MEDIA_LOCK = 'crosswind.media';

/** Where the browser has no Web Locks (unit tests in Node), work queues within this context. */
let localQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` once no other media work runs in any of the extension's pages or its worker. The
 * browser releases the turn when `work` settles or its page closes. Work must not wait for
 * another turn inside its own: that waits for ever.
 */
export async function inMediaTurn<T>(work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) return await locks.request(MEDIA_LOCK, work);
  const run = localQueue.then(work);
  localQueue = run.catch(() => undefined);
  return await run;
}
