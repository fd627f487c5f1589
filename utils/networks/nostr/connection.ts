import { AbstractRelay } from 'nostr-tools/abstract-relay';
import { verifyEvent } from 'nostr-tools/pure';

// One place that opens relay connections, so every caller gets the same settings and tests can
// hand in Node's `ws` (Node 20 has no WebSocket; the service worker has its own).

/** How relay connections are made. */
export interface RelayConnectionOptions {
  /** The WebSocket class to use; the global one by default. */
  websocketImplementation?: typeof WebSocket;
}

/** The WebSocket class to use, or an error that says none exists here. */
export function webSocketClass(options: RelayConnectionOptions): typeof WebSocket {
  const found = options.websocketImplementation ?? globalThis.WebSocket;
  if (!found) throw new Error('No WebSocket implementation is available here');
  return found;
}

/** A relay client that neither pings nor reconnects by itself: each use is one short session. */
export function relayClient(url: string, options: RelayConnectionOptions): AbstractRelay {
  return new AbstractRelay(url, {
    verifyEvent,
    websocketImplementation: webSocketClass(options),
    enablePing: false,
    enableReconnect: false,
  });
}

/** A rejection reason from nostr-tools (an Error, a string or an Event) as text. */
export function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'string') return reason;
  return 'connection failed';
}
