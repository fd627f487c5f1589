import { fstatSync } from 'node:fs';

/** True when stdin is a pipe or socket (a parent holding it), not a terminal or /dev/null. */
function stdinIsPipe(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

/**
 * Makes a test-server process stop by itself: on a signal, when its stdin pipe closes, when its
 * parent process goes away (checked every second), or when stdout is closed, so a test run that
 * dies never leaves a server behind. `stop` may be called more than once.
 */
export function stopWithParent(stop: (reason: string) => void): void {
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => stop(signal));
  }
  // A closed stdin pipe means the parent is gone; /dev/null or a terminal says nothing.
  if (stdinIsPipe()) {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin error'));
    process.stdin.resume();
  }
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop('parent process exited');
  }, 1000).unref();
  // Writing to a closed stdout (parent gone) must stop the server, not crash it with EPIPE.
  process.stdout.on('error', () => stop('stdout closed'));
}
