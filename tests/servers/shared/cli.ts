import { stopWithParent } from '../stop-with-parent';

// What every test server's command line does once its options are read: start, print one JSON
// line for the parent (Playwright, the sandbox launcher), and stop with that parent.

/** What a command line started: closed when the process stops. */
export interface Running {
  close(): Promise<unknown>;
}

/** How one test server runs from the command line. */
export interface ServerCli<T extends Running> {
  /** Printed after the message of a failure to start (bad options included). */
  usage: string;
  /** Reads the options and starts the server(s); throws for options that make no sense. */
  start(): Promise<T>;
  /** What the parent reads, as one JSON line on stdout, once everything listens. */
  ready(running: T): unknown;
}

/** How long closing may take before the process exits anyway. */
const CLOSE_GRACE_MS = 2000;

/**
 * Runs a test server process: it stops on SIGTERM/SIGINT, when its stdin pipe closes, or when its
 * parent dies (`stopWithParent`), closing what it started; a failure to start prints its message
 * and the usage and exits 1.
 */
export function runServerCli<T extends Running>(cli: ServerCli<T>): void {
  const main = async (): Promise<void> => {
    const running = await cli.start();
    let stopping = false;
    stopWithParent(() => {
      if (stopping) return;
      stopping = true;
      void running
        .close()
        .catch(() => undefined)
        .finally(() => process.exit(0));
      // Open keep-alive sockets must not hold the exit hostage.
      setTimeout(() => process.exit(0), CLOSE_GRACE_MS).unref();
    });
    process.stdout.write(`${JSON.stringify(cli.ready(running))}\n`);
  };
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? error.message : String(error)}\n${cli.usage}\n`,
    );
    process.exit(1);
  });
}
