import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { NostrRelay } from '@nostr-relay/core';
import {
  LogLevel,
  type Event,
  type Filter,
  type IncomingMessage as RelayMessage,
} from '@nostr-relay/common';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { MemoryEventRepository } from './event-store';

// A real Nostr relay on 127.0.0.1 for tests: @nostr-relay/core checks ids and signatures, stores
// events, answers REQ and live subscriptions, and says "duplicate:" for an event it already has.
// Only the faults are ours: the misbehaviours a client must survive.

/** Misbehaviours to switch on while the relay runs; `kinds` narrows a fault to those kinds. */
export interface RelayFaults {
  /** Answers EVENT with `["OK", id, false, message]` and keeps nothing, as a relay's policy would. */
  refuse(message: string, kinds?: number[]): void;
  /** Stores EVENT but never answers OK: the answer lost on the way back. */
  silence(kinds?: number[]): void;
  /** Refuses new connections (503 to the WebSocket upgrade) and drops the open ones. */
  down(): void;
  /** Back to a well-behaved relay. */
  reset(): void;
}

/** A running test relay. */
export interface NostrTestRelay {
  /** `ws://127.0.0.1:<port>` */
  url: string;
  faults: RelayFaults;
  /** Events the relay holds now, newest first, optionally narrowed by a NIP-01 filter. */
  events(filter?: Filter): Event[];
  /** Every event that arrived in an EVENT message, in order, refused or not (retries show up twice). */
  received(): Event[];
  /** Filters of every REQ the relay has set up (so a test can wait until a client listens). */
  subscriptions(): Filter[];
  /** How many WebSocket connections are open now. */
  connections(): number;
  close(): Promise<void>;
}

export interface NostrRelayOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
}

type Fault =
  | { type: 'none' }
  | { type: 'refuse'; message: string; kinds: number[] | undefined }
  | { type: 'silence'; kinds: number[] | undefined }
  | { type: 'down' };

function parseMessage(data: RawData): unknown {
  try {
    return JSON.parse(String(data));
  } catch {
    return undefined;
  }
}

function isEventMessage(message: unknown): message is ['EVENT', Event] {
  return (
    Array.isArray(message) &&
    message[0] === 'EVENT' &&
    typeof message[1] === 'object' &&
    message[1] !== null &&
    typeof (message[1] as { id?: unknown }).id === 'string'
  );
}

function isRelayMessage(message: unknown): message is RelayMessage {
  return Array.isArray(message) && ['EVENT', 'REQ', 'CLOSE', 'AUTH'].includes(String(message[0]));
}

function appliesTo(kinds: number[] | undefined, event: Event): boolean {
  return kinds === undefined || kinds.includes(event.kind);
}

/** Starts a relay on 127.0.0.1; close it when done. */
export async function startNostrRelay(options: NostrRelayOptions = {}): Promise<NostrTestRelay> {
  const repository = new MemoryEventRepository();
  // No result caches: a test reads right after it writes, and a fault switched off must take
  // effect for an event the relay saw before.
  const relay = new NostrRelay(repository, {
    logLevel: LogLevel.ERROR,
    eventHandlingResultCacheTtl: 0,
    filterResultCacheTtl: 0,
  });
  const received: Event[] = [];
  const subscriptions: Filter[] = [];
  let fault: Fault = { type: 'none' };

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true });
  const http = createServer((_request, response) => {
    // NIP-11 clients ask over plain HTTP; this relay has nothing to say.
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Use a WebSocket client.');
  });

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (fault.type === 'down') {
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    sockets.add(ws);
    relay.handleConnection(ws, request.socket.remoteAddress);
    ws.on('close', () => {
      sockets.delete(ws);
      relay.handleDisconnect(ws);
    });
    ws.on('message', (data) => {
      void handle(ws, parseMessage(data));
    });
  });

  async function handle(ws: WebSocket, message: unknown): Promise<void> {
    if (isEventMessage(message)) {
      const event = message[1];
      received.push(event);
      if (fault.type === 'refuse' && appliesTo(fault.kinds, event)) {
        ws.send(JSON.stringify(['OK', event.id, false, fault.message]));
        return;
      }
      if (fault.type === 'silence' && appliesTo(fault.kinds, event)) {
        await relay.handleEvent(event);
        return;
      }
    }
    if (!isRelayMessage(message)) {
      ws.send(JSON.stringify(['NOTICE', 'invalid: could not parse the message']));
      return;
    }
    await relay.handleMessage(ws, message);
    if (message[0] === 'REQ') subscriptions.push(...(message.slice(2) as Filter[]));
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;

  const dropAll = () => {
    for (const ws of sockets) ws.terminate();
  };

  return {
    url: `ws://127.0.0.1:${port}`,
    faults: {
      refuse: (message, kinds) => {
        fault = { type: 'refuse', message, kinds };
      },
      silence: (kinds) => {
        fault = { type: 'silence', kinds };
      },
      down: () => {
        fault = { type: 'down' };
        dropAll();
      },
      reset: () => {
        fault = { type: 'none' };
      },
    },
    events: (filter = {}) => repository.find(filter),
    received: () => [...received],
    subscriptions: () => [...subscriptions],
    connections: () => sockets.size,
    close: async () => {
      dropAll();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await relay.destroy();
    },
  };
}
