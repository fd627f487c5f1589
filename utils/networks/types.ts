/** The networks Crosswind can post to; each has one adapter file in this folder. */
export type NetworkId = 'mastodon' | 'bluesky';

/** What a server allows in one post, read from the server where it says so. */
export interface AccountLimits {
  maxCharacters: number;
  charactersReservedPerUrl?: number;
  maxMediaAttachments: number;
  altTextLimit?: number;
}

/** A connected account as everyone may see it: no token, no secret. */
export interface Account {
  /** Stable across reconnects: network, server and the server's own id for the user. */
  id: string;
  network: NetworkId;
  /** Base URL of the server that holds the account (Mastodon instance or Bluesky PDS). */
  server: string;
  /** The server's own id for the user (Mastodon account id, Bluesky DID). */
  remoteId: string;
  handle: string;
  displayName: string;
  avatarUrl?: string;
  /** Where links to the user's posts point (Mastodon web UI, Bluesky app). */
  webUrl?: string;
  limits: AccountLimits;
  /** The visibility the user chose as default on Mastodon. */
  defaultVisibility?: Visibility;
  state: 'connected' | 'reconnect';
  connectedAt: number;
  limitsCheckedAt: number;
}

/** Mastodon visibilities; other networks ignore it. */
export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

/** Bluesky's self-labels, its stand-in for a content warning. */
export type SelfLabel = 'sexual' | 'nudity' | 'porn' | 'graphic-media';

/** What one account receives: one part, or several posted as a reply chain (a thread). */
export interface TargetContent {
  parts: string[];
  /** Mastodon's content warning, repeated on every part. */
  spoilerText?: string;
  sensitive?: boolean;
  /** Bluesky self-labels, set on every part. */
  labels?: SelfLabel[];
  visibility?: Visibility;
  /** ISO 639-1 code. */
  language?: string;
}

/** One post (one part of a thread) as the adapter sends it. */
export interface OutgoingPost {
  text: string;
  spoilerText?: string;
  sensitive?: boolean;
  labels?: SelfLabel[];
  visibility?: Visibility;
  language?: string;
  /** Set for every part after the first: the thread's first post and the part it answers. */
  replyTo?: { root: PublishedPost; parent: PublishedPost };
}

/** What a network gives back for a created post. */
export interface PublishedPost {
  /** The network's own id: Mastodon status id, Bluesky at:// URI. */
  id: string;
  url: string;
  /** Bluesky's content hash, needed to reply to the post. */
  cid?: string;
}

/** How a retry stays a retry: the same key is sent again, so the server cannot post twice. */
export interface PublishOptions {
  idempotencyKey: string;
  /** True when an earlier attempt may have reached the server. */
  isRetry: boolean;
  signal?: AbortSignal;
}

/** Profile and limits as the server reports them now. */
export interface AccountSnapshot {
  handle: string;
  displayName: string;
  avatarUrl?: string;
  webUrl?: string;
  limits: AccountLimits;
  defaultVisibility?: Visibility;
}

/** The contract every network adapter keeps; the background calls nothing else. */
export interface NetworkAdapter {
  id: NetworkId;
  /** Chooses, before the first attempt, the key that makes every retry safe. */
  newIdempotencyKey(): string;
  publish(account: Account, post: OutgoingPost, options: PublishOptions): Promise<PublishedPost>;
  remove(account: Account, post: PublishedPost): Promise<void>;
  /** Re-reads profile and limits; throws an auth error when the credentials no longer work. */
  refresh(account: Account): Promise<AccountSnapshot>;
  /** Revokes what can be revoked and forgets the credentials. */
  disconnect(account: Account): Promise<void>;
}
