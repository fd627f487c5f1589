// Nostr test servers: a real relay (with faults), a Blossom media server and a NIP-46 bunker.
/** A real relay on 127.0.0.1 (@nostr-relay/core) with switches for refusals, silence and outages. */
export { startNostrRelay } from './relay';
export type { NostrRelayOptions, NostrTestRelay, RelayFaults } from './relay';
/** A Blossom server from BUD-01/02/11/12. */
export { startBlossomServer } from './blossom';
export type {
  BlobDescriptor,
  BlossomServerOptions,
  BlossomTestServer,
  UploadFault,
} from './blossom';
/** A NIP-46 remote signer that answers over the relays it is given. */
export { startBunker } from './bunker';
export type { BunkerOptions, BunkerRequest, TestBunker } from './bunker';
