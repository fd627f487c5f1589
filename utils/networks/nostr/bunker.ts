import { AbstractSimplePool } from 'nostr-tools/abstract-pool';
import { BunkerSigner, createNostrConnectURI, type BunkerPointer } from 'nostr-tools/nip46';
import { generateSecretKey, getPublicKey, verifyEvent } from 'nostr-tools/pure';
import { bytesToHex, hexToBytes } from 'nostr-tools/utils';
import { webSocketClass, type RelayConnectionOptions } from './connection';
import { approvalNotGiven, fromSignerError, invalidBunkerUri } from './errors';
import { uniqueRelays } from './relay-url';
import type { NostrSigner } from './signer';

// NIP-46 remote signing: the user's key stays in their signer app (a "bunker"); Crosswind holds
// only a throwaway client key that the signer app has approved. What is stored (the session)
// lets a restarted service worker sign again without a new approval.

/** What the vault keeps for a remote-signer account. No user key: there is none to keep. */
export interface BunkerSession {
  /** Crosswind's own client key for this connection (hex), approved by the signer app. */
  clientSecretKey: string;
  /** The signer app's key, which requests are encrypted to. */
  remoteSignerPubkey: string;
  /** Relays the signer listens on. */
  relays: string[];
  /** The account's key, as the signer reported it after connecting. */
  userPubkey: string;
}

export interface BunkerOptions extends RelayConnectionOptions {
  /** How long to wait for each answer; the user may have to approve on their phone. */
  timeoutMs?: number;
}

/** 60 s: a signer app may need the user to unlock the phone and tap Approve. */
export const DEFAULT_SIGNER_TIMEOUT_MS = 60_000;

/** Five minutes to scan a nostrconnect:// code and approve it. */
export const DEFAULT_APPROVAL_WAIT_MS = 5 * 60_000;

const BUNKER_URI = /^bunker:\/\/([0-9a-f]{64})\/?(\?.*)?$/i;

/** Reads a `bunker://<signer key>?relay=…&secret=…` address; throws a validation error otherwise. */
export function parseBunkerUri(input: string): BunkerPointer {
  const match = BUNKER_URI.exec(input.trim());
  if (!match?.[1]) throw invalidBunkerUri();
  const params = new URLSearchParams(match[2] ?? '');
  const relays = uniqueRelays(params.getAll('relay'));
  if (relays.length === 0) throw invalidBunkerUri();
  return { pubkey: match[1].toLowerCase(), relays, secret: params.get('secret') };
}

function poolFor(options: RelayConnectionOptions): AbstractSimplePool {
  return new AbstractSimplePool({
    verifyEvent,
    websocketImplementation: webSocketClass(options),
    maxWaitForConnection: 5_000,
  });
}

function wrap(
  remote: BunkerSigner,
  pool: AbstractSimplePool,
  userPubkey: string,
  timeoutMs: number,
): NostrSigner {
  const seconds = Math.round(timeoutMs / 1000);
  return {
    method: 'bunker',
    getPublicKey: async () => userPubkey,
    signEvent: async (template) => {
      try {
        return await remote.signEvent(template);
      } catch (error) {
        throw fromSignerError(error, seconds);
      }
    },
    close: async () => {
      await remote.close();
      pool.destroy();
    },
  };
}

async function finishConnecting(
  remote: BunkerSigner,
  pool: AbstractSimplePool,
  clientKey: Uint8Array,
  timeoutMs: number,
): Promise<{ session: BunkerSession; signer: NostrSigner }> {
  // NIP-46: the signer's key may differ from the user's; only get_public_key says whose key signs.
  const userPubkey = await remote.getPublicKey();
  if (!/^[0-9a-f]{64}$/.test(userPubkey)) throw new Error('remote signer gave no valid public key');
  const session: BunkerSession = {
    clientSecretKey: bytesToHex(clientKey),
    remoteSignerPubkey: remote.bp.pubkey,
    relays: remote.bp.relays,
    userPubkey,
  };
  return { session, signer: wrap(remote, pool, userPubkey, timeoutMs) };
}

/** Connects with a `bunker://` address the user pasted: `connect`, then `get_public_key`. */
export async function connectBunker(
  input: string,
  options: BunkerOptions = {},
): Promise<{ session: BunkerSession; signer: NostrSigner }> {
  const pointer = parseBunkerUri(input);
  const timeoutMs = options.timeoutMs ?? DEFAULT_SIGNER_TIMEOUT_MS;
  const clientKey = generateSecretKey();
  const pool = poolFor(options);
  const remote = BunkerSigner.fromBunker(clientKey, pointer, { pool, timeout: timeoutMs });
  try {
    await remote.connect({ name: 'Crosswind' });
    return await finishConnecting(remote, pool, clientKey, timeoutMs);
  } catch (error) {
    await remote.close();
    pool.destroy();
    throw fromSignerError(error, Math.round(timeoutMs / 1000));
  }
}

/** A client-initiated connection: show `uri` (as text or QR); `approved` settles when the user approves it. */
export interface PendingNostrConnect {
  uri: string;
  approved: Promise<{ session: BunkerSession; signer: NostrSigner }>;
}

/** Starts a `nostrconnect://` connection on the given relays, waiting up to `waitMs` for approval. */
export function startNostrConnect(
  relays: string[],
  options: BunkerOptions & { waitMs?: number; signal?: AbortSignal } = {},
): PendingNostrConnect {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SIGNER_TIMEOUT_MS;
  const clientKey = generateSecretKey();
  const secret = bytesToHex(generateSecretKey()).slice(0, 16);
  const uri = createNostrConnectURI({
    clientPubkey: getPublicKey(clientKey),
    relays: uniqueRelays(relays),
    secret,
    name: 'Crosswind',
    perms: ['sign_event:1', 'sign_event:5', 'sign_event:10002', 'sign_event:24242'],
  });
  const pool = poolFor(options);
  // nostr-tools' numeric wait only bounds the relays' EOSE; an abort signal ends the wait itself.
  const expiry = AbortSignal.timeout(options.waitMs ?? DEFAULT_APPROVAL_WAIT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, expiry]) : expiry;
  const approved = BunkerSigner.fromURI(clientKey, uri, { pool, timeout: timeoutMs }, signal)
    .then((remote) => finishConnecting(remote, pool, clientKey, timeoutMs))
    .catch((error: unknown) => {
      pool.destroy();
      const message = error instanceof Error ? error.message : String(error);
      if (/closed before connection/.test(message)) throw approvalNotGiven(error);
      throw fromSignerError(error, Math.round(timeoutMs / 1000));
    });
  return { uri, approved };
}

/** A signer for a stored session, e.g. after the service worker restarted. No new approval needed. */
export function resumeBunker(session: BunkerSession, options: BunkerOptions = {}): NostrSigner {
  const timeoutMs = options.timeoutMs ?? DEFAULT_SIGNER_TIMEOUT_MS;
  const pool = poolFor(options);
  const remote = BunkerSigner.fromBunker(
    hexToBytes(session.clientSecretKey),
    { pubkey: session.remoteSignerPubkey, relays: session.relays, secret: null },
    { pool, timeout: timeoutMs },
  );
  return wrap(remote, pool, session.userPubkey, timeoutMs);
}
