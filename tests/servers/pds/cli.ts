/**
 * Starts the PDS sandbox in its own process and prints one JSON line on stdout:
 *   {"url":"http://127.0.0.1:PORT","plcUrl":"http://127.0.0.1:PORT"}
 *
 *   npx tsx tests/servers/pds/cli.ts [--port N] [--plc-port N]
 *
 * It stops by itself (closing both servers and deleting its data) on SIGTERM, SIGINT or SIGHUP,
 * when its standard input is a pipe that reaches its end, or when its parent process goes away,
 * so a test run that dies never leaves it behind. Nothing else is written to stdout.
 */
import { fstatSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startPds } from './index';

const PARENT_POLL_MS = 1_000;
const CLOSE_TIMEOUT_MS = 5_000;

function portOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--${name} must be a port number, not ${JSON.stringify(value)}`);
  }
  return port;
}

/** True when stdin is a pipe or socket (a parent holding it), not a terminal or /dev/null. */
function stdinIsPipe(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'plc-port': { type: 'string' } },
  });
  const port = portOption(values.port, 'port');
  const plcPort = portOption(values['plc-port'], 'plc-port');
  // The PDS logs only when LOG_ENABLED is set; keep stdout for the one JSON line even then.
  if (process.env.LOG_ENABLED && !process.env.LOG_DESTINATION) {
    process.env.LOG_DESTINATION = '/dev/stderr';
  }
  const parentPid = process.ppid;
  const starting = startPds({ port, plcPort });
  let stopping = false;

  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`pds sandbox: stopping (${reason})`);
    setTimeout(() => process.exit(1), CLOSE_TIMEOUT_MS).unref();
    void starting
      .then((sandbox) => sandbox.close())
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => stop(signal));
  }
  if (stdinIsPipe()) {
    process.stdin.on('end', () => stop('stdin closed'));
    process.stdin.on('error', () => stop('stdin error'));
    process.stdin.resume();
  }
  setInterval(() => {
    if (process.ppid !== parentPid) stop('parent process exited');
  }, PARENT_POLL_MS).unref();
  // Writing to a closed stdout (parent gone) must stop us, not crash us with EPIPE.
  process.stdout.on('error', () => stop('stdout closed'));

  const sandbox = await starting;
  if (!stopping) {
    process.stdout.write(`${JSON.stringify({ url: sandbox.url, plcUrl: sandbox.plcUrl })}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
