/** A line holding only this marker splits the thread by hand. */
export const THREAD_MARKER = '---';
