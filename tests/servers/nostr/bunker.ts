import { randomBytes } from 'node:crypto';
import { AbstractRelay } from 'nostr-tools/abstract-relay';
import { decrypt, encrypt, getConversationKey } from 'nostr-tools/nip44';
import {
  finalizeEvent,
  generateSecretKey,
  getPublicKey,
  verifyEvent,
  type EventTemplate,
  type NostrEvent,
} from 'nostr-tools/pure';
import { WebSocket } from 'ws';

// A NIP-46 remote signer ("bunker") the tests drive: it holds the user's key, listens for
// kind-24133 requests on the relays it is given, and answers connect / get_public_key /
// sign_event / ping the way signer apps do. Its own key (the remote-signer key) differs from the
// user's, as NIP-46 allows, so a client that skips get_public_key is caught.

const NOSTR_CONNECT = 24133;

/** One request as the bunker saw it. */
export interface BunkerRequest {
  method: string;
  params: string[];
  client: string;
}

export interface BunkerOptions {
  /** Relays the bunker listens and answers on. */
  relays: string[];
  /** The user's key; a fresh one by default. */
  userSecretKey?: Uint8Array;
  /** The connect secret a `bunker://` client must present, once; `null` for none. Random by default. */
  secret?: string | null;
}

/** A running remote signer. */
export interface TestBunker {
  /** `bunker://<remote-signer pubkey>?relay=…&secret=…`, what a user pastes into a client. */
  uri: string;
  signerPubkey: string;
  userPubkey: string;
  requests(): BunkerRequest[];
  /** Clients that completed `connect`. */
  connectedClients(): string[];
  /** Answers sign_event with this error from now on (the user said no); `undefined` to sign again. */
  refuseSigning(reason: string | undefined): void;
  /** Stops answering anything (the signer app is closed) or starts again. */
  pause(paused: boolean): void;
  /** Accepts a client's `nostrconnect://` URI, as a signer app does when the user approves it. */
  approve(nostrConnectUri: string): Promise<void>;
  close(): Promise<void>;
}

interface Request {
  id: string;
  method: string;
  params: string[];
}

function parseRequest(text: string): Request | undefined {
  try {
    const value = JSON.parse(text) as Partial<Request>;
    if (typeof value.id !== 'string' || typeof value.method !== 'string') return undefined;
    const params = Array.isArray(value.params) ? value.params.map(String) : [];
    return { id: value.id, method: value.method, params };
  } catch {
    return undefined;
  }
}

/** Starts a bunker connected to the given relays. */
export async function startBunker(options: BunkerOptions): Promise<TestBunker> {
  const signerKey = generateSecretKey();
  const signerPubkey = getPublicKey(signerKey);
  const userKey = options.userSecretKey ?? generateSecretKey();
  const userPubkey = getPublicKey(userKey);
  const secret =
    options.secret === undefined ? randomBytes(8).toString('hex') : (options.secret ?? undefined);
  let secretUsedBy: string | undefined;
  const connected = new Set<string>();
  const requests: BunkerRequest[] = [];
  let signingRefusal: string | undefined;
  let paused = false;
  const relays = new Map<string, AbstractRelay>();

  async function relayFor(url: string): Promise<AbstractRelay> {
    const known = relays.get(url);
    if (known) return known;
    const relay = await AbstractRelay.connect(url, {
      verifyEvent,
      websocketImplementation: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    relays.set(url, relay);
    relay.subscribe([{ kinds: [NOSTR_CONNECT], '#p': [signerPubkey], limit: 0 }], {
      onevent: (event) => {
        void answer(event, url);
      },
    });
    return relay;
  }

  async function respond(
    client: string,
    id: string,
    reply: { result: string } | { error: string },
    via: string[],
  ): Promise<void> {
    const content = encrypt(
      JSON.stringify({ id, ...reply }),
      getConversationKey(signerKey, client),
    );
    const event = finalizeEvent(
      {
        kind: NOSTR_CONNECT,
        tags: [['p', client]],
        content,
        created_at: Math.floor(Date.now() / 1000),
      },
      signerKey,
    );
    await Promise.allSettled(via.map(async (url) => (await relayFor(url)).publish(event)));
  }

  function handle(client: string, request: Request): { result: string } | { error: string } {
    switch (request.method) {
      case 'connect': {
        if (request.params[0] !== signerPubkey) return { error: 'connect: wrong remote signer' };
        if (secret !== undefined && !connected.has(client)) {
          if (request.params[1] !== secret) return { error: 'connect: invalid secret' };
          if (secretUsedBy !== undefined && secretUsedBy !== client) {
            return { error: 'connect: this secret was already used' };
          }
          secretUsedBy = client;
        }
        connected.add(client);
        return { result: 'ack' };
      }
      case 'ping':
        return { result: 'pong' };
      case 'get_public_key':
        return connected.has(client) ? { result: userPubkey } : { error: 'not connected' };
      case 'switch_relays':
        return { result: 'null' };
      case 'sign_event': {
        if (!connected.has(client)) return { error: 'not connected' };
        if (signingRefusal !== undefined) return { error: signingRefusal };
        const template = JSON.parse(request.params[0] ?? '{}') as EventTemplate;
        return { result: JSON.stringify(finalizeEvent(template, userKey)) };
      }
      case 'logout':
        connected.delete(client);
        return { result: 'ack' };
      default:
        return { error: `unsupported method: ${request.method}` };
    }
  }

  async function answer(event: NostrEvent, via: string): Promise<void> {
    if (paused) return;
    let request: Request | undefined;
    try {
      request = parseRequest(decrypt(event.content, getConversationKey(signerKey, event.pubkey)));
    } catch {
      return;
    }
    if (!request) return;
    requests.push({ method: request.method, params: request.params, client: event.pubkey });
    let reply: { result: string } | { error: string };
    try {
      reply = handle(event.pubkey, request);
    } catch (error) {
      reply = { error: error instanceof Error ? error.message : String(error) };
    }
    await respond(event.pubkey, request.id, reply, [via]);
  }

  await Promise.all(options.relays.map(relayFor));
  const query = options.relays.map((url) => `relay=${encodeURIComponent(url)}`);
  if (secret !== undefined) query.push(`secret=${encodeURIComponent(secret)}`);

  return {
    uri: `bunker://${signerPubkey}?${query.join('&')}`,
    signerPubkey,
    userPubkey,
    requests: () => [...requests],
    connectedClients: () => [...connected],
    refuseSigning: (reason) => {
      signingRefusal = reason;
    },
    pause: (value) => {
      paused = value;
    },
    approve: async (nostrConnectUri) => {
      const uri = new URL(nostrConnectUri);
      if (uri.protocol !== 'nostrconnect:') throw new Error('not a nostrconnect:// URI');
      const client = uri.hostname || uri.pathname.replace(/^\/\//, '');
      const clientSecret = uri.searchParams.get('secret');
      const via = uri.searchParams.getAll('relay');
      if (!clientSecret || via.length === 0)
        throw new Error('nostrconnect:// URI lacks secret or relay');
      connected.add(client);
      // The response to a client-initiated connection carries the client's secret as its result.
      await respond(client, randomBytes(8).toString('hex'), { result: clientSecret }, via);
    },
    close: async () => {
      for (const relay of relays.values()) relay.close();
      relays.clear();
    },
  };
}
