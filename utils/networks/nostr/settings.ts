import { storage } from 'wxt/utils/storage';

// Settings of the Nostr connection (read by the background; the options page edits them through
// messages). No secret here.

/**
 * Relays that collect everyone's relay lists (NIP-65 indexers), asked at connect time for the
 * user's own relays. Editable, so a self-hosted setup (and the sandbox and the tests, which must
 * never reach the internet) can name its own.
 */
export const DEFAULT_LOOKUP_RELAYS = [
  'wss://purplepag.es',
  'wss://relay.damus.io',
  'wss://nos.lol',
  'wss://relay.primal.net',
];

export const lookupRelaysStorage = storage.defineItem<string[]>('local:nostrLookupRelays', {
  fallback: DEFAULT_LOOKUP_RELAYS,
});
