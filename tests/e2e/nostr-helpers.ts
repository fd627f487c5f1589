import { expect, type Page } from '@playwright/test';
import { verifyEvent, type Event } from 'nostr-tools/pure';
import {
  startBlossomServer,
  startBunker,
  startNostrRelay,
  type BlossomTestServer,
  type NostrTestRelay,
  type TestBunker,
} from '../servers/nostr/index';

/** The Nostr servers one test uses: its own relays, a Blossom server and, if asked, a bunker. */
export interface NostrServers {
  relays: NostrTestRelay[];
  blossom: BlossomTestServer;
  bunker?: TestBunker;
  close(): Promise<void>;
}

/** Starts fresh servers on 127.0.0.1, so each test can switch faults on without the others. */
export async function startNostrServers(
  options: { relays?: number; bunker?: boolean } = {},
): Promise<NostrServers> {
  const relays = await Promise.all(
    Array.from({ length: options.relays ?? 1 }, () => startNostrRelay()),
  );
  const blossom = await startBlossomServer();
  const bunker = options.bunker ? await startBunker({ relays: [relays[0]!.url] }) : undefined;
  return {
    relays,
    blossom,
    ...(bunker && { bunker }),
    close: async () => {
      await Promise.allSettled([
        ...relays.map((relay) => relay.close()),
        blossom.close(),
        bunker?.close(),
      ]);
    },
  };
}

/** Points the relay-list look-up at the test relays, so connecting never reaches the internet. */
export async function useLocalLookupRelays(options: Page, relays: string[]): Promise<void> {
  await options.getByText('Advanced: relays that find your relay list').click();
  const form = options.getByRole('form', { name: 'Advanced: relays that find your relay list' });
  await form.getByLabel('Look-up relays, one per line').fill(relays.join('\n'));
  await form.getByRole('button', { name: 'Save look-up relays' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
}

/** Connects a key kept by Crosswind: pasted, with a passphrase, and the Blossom server. */
export async function connectLocalKeyViaUi(
  options: Page,
  key: string,
  passphrase: string,
  mediaServer = '',
): Promise<void> {
  await options.getByRole('radio', { name: 'Key kept by Crosswind' }).check();
  const form = options.getByRole('form', { name: 'Keep a key in Crosswind' });
  await form.getByLabel('Secret key (nsec or hex)').fill(key);
  await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await form.getByLabel('Repeat the passphrase').fill(passphrase);
  await form.getByLabel('Media server for images (Blossom, optional)').fill(mediaServer);
  await form.getByRole('button', { name: 'Connect Nostr account' }).click();
  await expect(form.getByRole('status')).toContainText('(Nostr)', { timeout: 20_000 });
}

/** Connects a remote signer by pasting its bunker:// address. */
export async function connectBunkerViaUi(
  options: Page,
  uri: string,
  mediaServer: string,
): Promise<void> {
  const form = options.getByRole('form', { name: 'Connect a remote signer' });
  await form.getByLabel('Remote signer address').fill(uri);
  await form.getByLabel('Media server for images (Blossom, optional)').fill(mediaServer);
  await form.getByRole('button', { name: 'Connect remote signer' }).click();
  await expect(options.getByRole('status').filter({ hasText: '(Nostr)' })).toBeVisible({
    timeout: 20_000,
  });
}

/**
 * Kind-1 notes a relay holds whose content has the marker, in the order they arrived (a thread's
 * parts share their second, so `created_at` cannot order them).
 */
export function notesWith(relay: NostrTestRelay, marker: string): Event[] {
  const held = new Set(relay.events({ kinds: [1] }).map((event) => event.id));
  const seen = new Set<string>();
  return relay.received().filter((event) => {
    if (event.kind !== 1 || !event.content.includes(marker) || !held.has(event.id)) return false;
    if (seen.has(event.id)) return false;
    seen.add(event.id);
    return true;
  });
}

/** True when the event's id is its hash and its signature verifies (on a fresh copy). */
export function verifies(event: Event): boolean {
  return verifyEvent({ ...event });
}
