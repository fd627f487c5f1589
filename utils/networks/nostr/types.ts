// Nostr's data as plain types, free of any SDK so pages and pure functions can share them.

/** A tag: a name and its values (`["p", <pubkey>]`, `["e", <id>, <relay>, "root", <pubkey>]`). */
export type Tag = string[];

/** What gets signed: NIP-01's event without id, pubkey and signature. */
export interface EventTemplate {
  kind: number;
  content: string;
  tags: Tag[];
  /** Unix seconds. */
  created_at: number;
}

/** A signed event as it travels to relays (NIP-01). Plain data: it is recorded for retries. */
export interface SignedEvent extends EventTemplate {
  id: string;
  pubkey: string;
  sig: string;
}

/** An event another one points at: NIP-10 replies and NIP-09 deletions need its id and author. */
export interface EventRef {
  id: string;
  pubkey: string;
  /** A relay where the event can be found; NIP-10 asks for one, `""` when none is known. */
  relay?: string;
}

/** An uploaded image as the note describes it (NIP-92 `imeta`, from a Blossom blob descriptor). */
export interface MediaAttachment {
  url: string;
  /** MIME type. */
  mimeType: string;
  /** Hex sha256 of the bytes the server holds. */
  sha256: string;
  size?: number;
  width?: number;
  height?: number;
  alt?: string;
}

/** How one relay answered a published event. */
export type RelayStatus = 'ok' | 'refused' | 'unreachable' | 'timeout';

/** One relay's result for one event; `message` is the relay's own words where it gave any. */
export interface RelayOutcome {
  relay: string;
  status: RelayStatus;
  message?: string;
}

/** A user's relays from their NIP-65 list (kind 10002). */
export interface RelayList {
  read: string[];
  write: string[];
  /** Unix seconds of the list event, to keep the newest when several relays answer. */
  createdAt?: number;
}

/**
 * What the job keeps for one note (one thread part): the signed event, recorded before the first
 * send so every retry resends exactly it, and each relay's answer so far. Plain data.
 */
export interface NoteRecord {
  event?: SignedEvent;
  outcomes?: RelayOutcome[];
}

/** How a Nostr account signs: a key kept (encrypted) by Crosswind, or a NIP-46 remote signer. */
export type NostrSignerMethod = 'local-key' | 'bunker';

/** A Nostr account's own settings, kept in its (non-secret) account record. */
export interface NostrAccountSettings {
  signer: NostrSignerMethod;
  /** NIP-65: notes go to every write relay. */
  relays: { read: string[]; write: string[] };
  /** Blossom servers (BUD-03 order); images go to the first. Empty: no images on Nostr. */
  mediaServers: string[];
  /** Set while a local key waits for its passphrase (after the browser restarted). */
  locked?: boolean;
}
