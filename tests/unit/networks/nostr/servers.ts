import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { startBlossomServer, type BlossomServerOptions } from '../../../servers/nostr/blossom';
import { startBunker, type BunkerOptions } from '../../../servers/nostr/bunker';
import { startNostrRelay } from '../../../servers/nostr/relay';

// The real local servers for the Nostr unit tests: each started for one test and closed after.

/** Node 20 has no WebSocket; the code under test takes `ws` where the service worker has its own. */
export const nodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket;

export async function relay() {
  const started = await startNostrRelay();
  onTestFinished(() => started.close());
  return started;
}

export async function blossom(options: BlossomServerOptions = {}) {
  const started = await startBlossomServer(options);
  onTestFinished(() => started.close());
  return started;
}

export async function bunker(options: BunkerOptions) {
  const started = await startBunker(options);
  onTestFinished(() => started.close());
  return started;
}

/** A loopback address where nothing listens: a relay that is gone. */
export async function deadRelayUrl(): Promise<string> {
  const temporary = await startNostrRelay();
  await temporary.close();
  return temporary.url;
}
