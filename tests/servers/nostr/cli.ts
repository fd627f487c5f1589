import { parseArgs } from 'node:util';
import { runServerCli } from '../shared/cli';
import { startBlossomServer, startBunker, startNostrRelay } from './index';

// Starts Nostr test servers for another process (the sandbox, end-to-end tests) and prints one
// JSON line: `{ relays: [url…], blossom: url, bunker?: { uri, userPubkey } }`. Stops with its parent.

const USAGE = `Usage: tsx tests/servers/nostr/cli.ts [options]
  --relays <n>   how many relays (default 2)
  --bunker       also start a NIP-46 bunker listening on the first relay`;

/** The relays, the Blossom server and the bunker the options ask for, each started. */
async function startAll() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { relays: { type: 'string' }, bunker: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const count = Number(values.relays ?? '2');
  if (!Number.isInteger(count) || count < 1) throw new Error('--relays needs a whole number ≥ 1');
  const relays = await Promise.all(Array.from({ length: count }, () => startNostrRelay()));
  const blossom = await startBlossomServer();
  const bunker = values.bunker ? await startBunker({ relays: [relays[0]!.url] }) : undefined;
  const close = () =>
    Promise.allSettled([...relays.map((relay) => relay.close()), blossom.close(), bunker?.close()]);
  return { relays, blossom, bunker, close };
}

runServerCli({
  usage: USAGE,
  start: startAll,
  ready: ({ relays, blossom, bunker }) => ({
    relays: relays.map((relay) => relay.url),
    blossom: blossom.url,
    ...(bunker && { bunker: { uri: bunker.uri, userPubkey: bunker.userPubkey } }),
  }),
});
