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
import { parseArgs } from 'node:util';
import { stopWithParent } from '../stop-with-parent.ts';
import { startPds } from './index.ts';

const CLOSE_TIMEOUT_MS = 5_000;

function portOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--${name} must be a port number, not ${JSON.stringify(value)}`);
  }
  return port;
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

  stopWithParent(stop);

  const sandbox = await starting;
  if (!stopping) {
    process.stdout.write(`${JSON.stringify({ url: sandbox.url, plcUrl: sandbox.plcUrl })}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
