import { reasonText, relayClient, type RelayConnectionOptions } from './connection';
import { MEDIA_SERVER_LIST_KIND, parseMediaServerList } from './media-servers';
import { DEFAULT_LOOKUP_RELAYS } from './settings';
import { newestEvent, parseRelayList, RELAY_LIST_KIND } from './relay-list';
import type { RelayList, SignedEvent } from './types';

// Reads a user's replaceable lists (NIP-65 relays, BUD-03 media servers) from several relays at
// once and keeps the newest copy. Each relay gets a time limit; relays that fail are skipped, as
// one answer is enough.

/** Relays that collect relay lists for everyone (indexers), asked when the user names none. */
export const WELL_KNOWN_LIST_RELAYS = DEFAULT_LOOKUP_RELAYS;

/** Four seconds: lists are small, and the user is waiting at connect time. */
export const DEFAULT_LIST_TIMEOUT_MS = 4_000;

export interface ReadOptions extends RelayConnectionOptions {
  timeoutMs?: number;
}

/** What reading from several relays found, with the relays that did not answer. */
export interface ReadResult<T> {
  value: T | undefined;
  failedRelays: Array<{ relay: string; reason: string }>;
}

async function readFromRelay(
  url: string,
  pubkey: string,
  kind: number,
  options: ReadOptions,
): Promise<SignedEvent[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LIST_TIMEOUT_MS;
  const relay = relayClient(url, options);
  try {
    await relay.connect({ timeout: timeoutMs });
    return await new Promise<SignedEvent[]>((resolve, reject) => {
      const found: SignedEvent[] = [];
      let settled = false;
      const sub = relay.subscribe([{ kinds: [kind], authors: [pubkey], limit: 1 }], {
        // nostr-tools has verified the signature; the filter is checked again, as relays may not.
        onevent: (event) => {
          if (event.pubkey === pubkey && event.kind === kind) found.push(event);
        },
        oneose: () => {
          settled = true;
          resolve(found);
          sub.close();
        },
        // Closing after EOSE reports here too; only a close before it is a failure.
        onclose: (reason) => {
          if (!settled) reject(new Error(reason));
        },
        eoseTimeout: timeoutMs,
      });
    });
  } finally {
    relay.close();
  }
}

/** The newest replaceable event of `kind` by `pubkey` that any of the relays holds. */
export async function readReplaceable(
  pubkey: string,
  kind: number,
  relays: string[],
  options: ReadOptions = {},
): Promise<ReadResult<SignedEvent>> {
  const settled = await Promise.allSettled(
    relays.map((url) => readFromRelay(url, pubkey, kind, options)),
  );
  const events: SignedEvent[] = [];
  const failedRelays: ReadResult<SignedEvent>['failedRelays'] = [];
  settled.forEach((result, index) => {
    if (result.status === 'fulfilled') events.push(...result.value);
    else failedRelays.push({ relay: relays[index] ?? '', reason: reasonText(result.reason) });
  });
  return { value: newestEvent(events), failedRelays };
}

/** The user's NIP-65 relay list, if any relay has one. */
export async function readRelayList(
  pubkey: string,
  relays: string[] = WELL_KNOWN_LIST_RELAYS,
  options: ReadOptions = {},
): Promise<ReadResult<RelayList>> {
  const { value, failedRelays } = await readReplaceable(pubkey, RELAY_LIST_KIND, relays, options);
  return { value: value && parseRelayList(value), failedRelays };
}

/** The user's BUD-03 media servers, if any relay has the list. */
export async function readMediaServers(
  pubkey: string,
  relays: string[],
  options: ReadOptions = {},
): Promise<ReadResult<string[]>> {
  const { value, failedRelays } = await readReplaceable(
    pubkey,
    MEDIA_SERVER_LIST_KIND,
    relays,
    options,
  );
  return { value: value && parseMediaServerList(value), failedRelays };
}
