import { AbstractSimplePool } from 'nostr-tools/abstract-pool';
import { verifyEvent } from 'nostr-tools/pure';
import { onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { startNostrRelay, type NostrRelayOptions, type NostrTestRelay } from './relay';

// Helpers for the Nostr servers' own tests: a relay per test and a bare WebSocket client that
// speaks NIP-01 by hand, so the servers are checked without the code they are meant to test.

/** Starts a relay for the current test and closes it when the test ends. */
export async function startRelay(options: NostrRelayOptions = {}): Promise<NostrTestRelay> {
  const relay = await startNostrRelay(options);
  onTestFinished(() => relay.close());
  return relay;
}

/** A message from a relay, as parsed JSON. */
export type RelayReply = unknown[];

/** A raw NIP-01 connection: send arrays, wait for the replies you expect. */
export interface RawClient {
  send(message: unknown[]): void;
  /** The next reply (already received or still to come) that `match` accepts; rejects after `ms`. */
  next(match: (reply: RelayReply) => boolean, ms?: number): Promise<RelayReply>;
  /** Every reply so far. */
  replies(): RelayReply[];
  close(): void;
}

/** Opens a WebSocket to `url`; rejects when the connection is refused. Closed when the test ends. */
export async function rawClient(url: string): Promise<RawClient> {
  const ws = new WebSocket(url);
  const replies: RelayReply[] = [];
  const consumed = new Set<RelayReply>();
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    replies.push(JSON.parse(String(data)) as RelayReply);
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  onTestFinished(() => ws.terminate());
  return {
    send: (message) => ws.send(JSON.stringify(message)),
    replies: () => [...replies],
    close: () => ws.close(),
    next: (match, ms = 2000) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const found = replies.find((reply) => !consumed.has(reply) && match(reply));
          if (!found) return false;
          consumed.add(found);
          waiters.delete(look);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(look);
          reject(new Error(`no matching reply within ${ms} ms`));
        }, ms);
        if (!look()) waiters.add(look);
      }),
  };
}

/** Matches the relay's OK for one event id. */
export const okFor =
  (id: string) =>
  (reply: RelayReply): boolean =>
    reply[0] === 'OK' && reply[1] === id;

/** A nostr-tools pool that connects through `ws`, since Node 20 has no WebSocket of its own. */
export function nodePool(): AbstractSimplePool {
  const pool = new AbstractSimplePool({
    verifyEvent,
    websocketImplementation: WebSocket as unknown as typeof globalThis.WebSocket,
    maxWaitForConnection: 3000,
  });
  onTestFinished(() => pool.destroy());
  return pool;
}

/** Polls `check` until it holds; for state that changes on another connection. */
export async function waitUntil(check: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
