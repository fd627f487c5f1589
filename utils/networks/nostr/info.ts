import { defineNetwork } from '../capabilities';

/**
 * Nostr has no length limit of its own: each relay caps a whole message (NIP-11
 * `max_message_length`, commonly 64 KiB and up). This keeps a note well inside that.
 */
export const NOSTR_MAX_CHARACTERS = 20_000;

/** Nostr: notes signed with the user's key (kept by Crosswind or a remote signer), sent to relays. */
export const nostrInfo = defineNetwork({
  id: 'nostr',
  name: 'Nostr',
  defaultLimits: { maxCharacters: NOSTR_MAX_CHARACTERS, maxMediaAttachments: 4 },
  capabilities: {
    // NIP-36 `content-warning` tag: clients hide the note behind the reason.
    contentWarning: 'tag',
    // Every note is public; there is no audience to choose.
    visibilities: [],
    // NIP-32 `L`/`l` ISO-639-1 labels.
    language: true,
    // Links stay in the text; each reader's client builds its own preview.
    linkCards: 'none',
    media: { topLevelNeedsMedia: false, stillGifs: false, needsMediaServer: true },
    // NIP-10 marked `e` tags.
    threads: 'reply-chain',
    // The event id is the hash of the signed event: it is recorded before the first send and the
    // same event is resent on every retry (relays answer "duplicate").
    idempotency: 'record-key',
    serverScheduling: null,
    // NIP-09 deletion requests; relays may keep copies.
    deletion: true,
  },
  loadMeasure: () => import('./measure'),
  label: (account) => `${account.handle} (Nostr)`,
  accountIdNamesServer: false,
  reconnect: { kind: 'form' },
  loadConnectForm: () => import('./ConnectForm'),
});
