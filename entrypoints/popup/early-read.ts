import { readFirstFrame } from './first-frame';

/**
 * The first frame's storage read, started by its own script tag as soon as the page is parsed,
 * while React is still being fetched and run (index.html), instead of after it. main.tsx awaits it.
 */
export const firstFrameRead = readFirstFrame();
// main.tsx handles a failure when it awaits the read; until then it is not "unhandled".
firstFrameRead.catch(() => undefined);
