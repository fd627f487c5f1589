import { handOverEarlyRead, startEarlyRead } from './popup/first-frame';

/**
 * The popup's first storage read, started by a small classic script of its own (the popup's
 * index.html) while the popup's module is still being fetched and compiled. Started by that
 * module, the read began only once all of it had loaded, and the first frame then waited several
 * milliseconds for it. The script is neither `async` nor `defer`: an async one ran only after the
 * module had compiled (the first free task), while this one runs as soon as it arrives, and the
 * browser's preload scanner has already asked for the module by then.
 * main.tsx takes the read from here (entrypoints/popup/early-read.ts).
 */
export default defineUnlistedScript(() => {
  handOverEarlyRead(startEarlyRead());
});
