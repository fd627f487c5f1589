import { startEarlyRead, takeEarlyRead } from './first-frame';

/**
 * The first frame's storage read: the one popup-read.js started while this module was still
 * loading (index.html), or, when that script has not run, one started now, still before React's
 * modules run (main.tsx imports this first).
 */
export const earlyRead = takeEarlyRead() ?? startEarlyRead();
