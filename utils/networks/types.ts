import type { StoredText } from '../i18n/wording';
import type { ImageTarget } from '../media/targets';
import type { AccountCapabilities, MeasureText } from './capabilities';
import type { NetworkId } from './info';
import type { NostrAccountSettings, NoteRecord } from './nostr/types';

export type { NetworkId };

/** What a server allows in one post, read from the server where it says so. */
export interface AccountLimits {
  maxCharacters: number;
  charactersReservedPerUrl?: number;
  maxMediaAttachments: number;
  altTextLimit?: number;
  /** Largest image upload in bytes (Mastodon `image_size_limit`). */
  imageSizeLimit?: number;
  /** Most pixels the server keeps (Mastodon `image_matrix_limit`); it resizes anything larger. */
  imageMatrixLimit?: number;
  /** MIME types the server accepts for uploads. */
  supportedMimeTypes?: string[];
  /**
   * The server counts code points of the text and the warning, links at full length, instead of
   * Mastodon's rules (GoToSocial).
   */
  countsCodePoints?: boolean;
  /** Largest video upload in bytes (Mastodon `video_size_limit`). */
  videoSizeLimit?: number;
  /** Most frames per second the server takes (Mastodon `video_frame_rate_limit`). */
  videoFrameRateLimit?: number;
  /** Most pixels per frame the server takes (Mastodon `video_matrix_limit`). */
  videoMatrixLimit?: number;
  /** Longest video in seconds, where the server says so. */
  videoDurationLimit?: number;
  /** Bytes the account may still upload (PeerTube's user quota), where the server says so. */
  videoQuotaLeft?: number;
  /** Set when the server reported limits that could not be used and defaults stand in for them. */
  note?: StoredText;
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
  /** What the server runs, from its nodeinfo (Mastodon-API servers: "gotosocial", "pixelfed"…). */
  software?: ServerSoftware;
  /** Where this server differs from its network's usual capabilities. */
  capabilities?: AccountCapabilities;
  state: 'connected' | 'reconnect';
  /** Nostr only: how it signs, its relays and its media servers (no server holds them). */
  nostr?: NostrAccountSettings;
  /**
   * Set once the server posted at once a post it was asked to schedule. It narrows the account's
   * capabilities (no server scheduling, see `capabilitiesOf`) and tells the person why.
   */
  ignoresScheduling?: boolean;
  connectedAt: number;
  limitsCheckedAt: number;
  /** When the login ends unless renewed (epoch milliseconds); for networks whose logins expire. */
  credentialExpiresAt?: number;
  /** Posts the network lets the account publish per period, as last read (Threads: 250 / 24 h). */
  quota?: PublishingQuota;
}

/** A network's publishing quota as it reported it. */
export interface PublishingQuota {
  used: number;
  total: number;
  /** The window in seconds (Threads: 86,400). */
  periodSeconds: number;
}

/** A server's software as its nodeinfo names it. */
export interface ServerSoftware {
  /** Lower case, as in nodeinfo: "mastodon", "pixelfed", "gotosocial"… */
  name: string;
  version?: string;
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
  /** Not federated: only for accounts whose network can keep a post on its server. */
  localOnly?: boolean;
  /** Images (files in the image store) with their alt text; they go with the first part. */
  images?: Array<{ id: string; alt: string; name?: string; sourceUrl?: string }>;
  /** One video instead of images (no network mixes them); it goes with the first part. */
  video?: AttachedVideo;
  /** Set only for networks that build cards on the client (Bluesky), and only without images. */
  linkCard?: LinkCard;
}

/**
 * What is known of an attached video without decoding it on the background: read once in the
 * page from the file's bytes and the browser's own player.
 */
export interface VideoFacts {
  /** The real container, from the file's bytes ("video/mp4", "video/webm", "video/quicktime"). */
  type: string;
  bytes: number;
  /** Length in milliseconds. */
  durationMs: number;
  /** Frame size in pixels, as displayed (after rotation). */
  width: number;
  height: number;
  /** Frames per second, where the container says; the server checks it otherwise. */
  frameRate?: number;
}

/** A video attached to a post: the file is in the video store under `id`. */
export interface AttachedVideo extends VideoFacts {
  id: string;
  name: string;
  /** The description: Mastodon `description`, Bluesky `alt`. */
  alt: string;
}

/** A link preview card, built from the linked page's own metadata (Bluesky has no server that does it). */
export interface LinkCard {
  url: string;
  title: string;
  description: string;
  /** The page's preview image; fetched and uploaded as the card's thumbnail when the post is sent. */
  image?: string;
  imageAlt?: string;
}

/** An image ready to upload: already sized and encoded for the account's network. */
export interface PreparedUpload {
  blob: Blob;
  alt: string;
  width: number;
  height: number;
}

/** An uploaded image as the post refers to it; plain data, so it can be recorded for retries. */
export interface UploadedMedia {
  /** Mastodon media id; the blob's CID on Bluesky. */
  id: string;
  alt: string;
  width: number;
  height: number;
  /**
   * A public address the image can be fetched from once posted (a Mastodon attachment's url, a
   * Bluesky blob's getBlob address), for networks that fetch images themselves (Threads).
   */
  publicUrl?: string;
  /** Bluesky's blob reference in its JSON form. */
  blob?: { $type: 'blob'; ref: { $link: string }; mimeType: string; size: number };
  /**
   * Where the file is served from when the post links to it (Nostr: the Blossom URL), or where it
   * can be watched, where the network gives it its own page (PeerTube).
   */
  url?: string;
  mimeType?: string;
  /** Bytes stored. */
  size?: number;
  /** What the user must know about the upload's end (PeerTube still transcoding at the link). */
  notice?: StoredText;
}

/**
 * One account's video on its way to the server, recorded in the job as it goes: the account's row
 * shows it, and a worker stopped midway continues from it instead of starting again.
 */
export interface VideoTransfer {
  /** Bytes are going out, or the server has them all and is processing the clip. */
  stage: 'uploading' | 'processing';
  /** Bytes the server has (confirmed, where its protocol confirms them). */
  sentBytes: number;
  totalBytes: number;
  /** The server's own progress while processing, in percent, where it reports one. */
  processingPercent?: number;
  /**
   * What the server is processing (Mastodon's media id, Bluesky's video job id): after a restart
   * it is asked about again rather than the file uploaded again.
   */
  processingId?: string;
  /** A resumable upload's address (PeerTube's `Location` with `upload_id`), to continue it. */
  resumeUrl?: string;
}

/** A stored video handed to an adapter: the file is read as a stream or in slices, never copied whole. */
export interface VideoUpload {
  file: Blob;
  video: AttachedVideo;
}

/** How an upload reports and resumes; the publisher records every report in the job. */
export interface VideoUploadOptions {
  signal?: AbortSignal;
  /** What an earlier attempt recorded, to continue from. */
  resume?: VideoTransfer;
  /**
   * Records progress. Awaited: what a restarted worker needs (an id, an address) is stored
   * before the upload goes on. Pure percentages may be dropped when they come too often.
   */
  report(transfer: VideoTransfer): Promise<void>;
  /** The post the video goes with (its first part), for networks where the video is the post. */
  post: OutgoingPost;
}

/** One post (one part of a thread) as the adapter sends it. */
export interface OutgoingPost {
  text: string;
  spoilerText?: string;
  sensitive?: boolean;
  labels?: SelfLabel[];
  visibility?: Visibility;
  language?: string;
  /** Keep the post on the account's own server (never set for a network that cannot). */
  localOnly?: boolean;
  /** Set for every part after the first: the thread's first post and the part it answers. */
  replyTo?: { root: PublishedPost; parent: PublishedPost };
  /** Uploaded images, in order; only on the first part. */
  media?: UploadedMedia[];
  /** The uploaded video, only on the first part (never with images). */
  video?: UploadedMedia;
  /** A link card, only on the first part and only without images; `thumb` is the uploaded image. */
  linkCard?: LinkCard & { thumb?: UploadedMedia };
}

/** What a network gives back for a created post. */
export interface PublishedPost {
  /** The network's own id: Mastodon status id, Bluesky at:// URI. */
  id: string;
  url: string;
  /** Bluesky's content hash, needed to reply to the post. */
  cid?: string;
  /** Nostr: the relays that accepted the note, the hints a reply or a deletion points to. */
  relays?: string[];
}

/** How a retry stays a retry: the same key is sent again, so the server cannot post twice. */
export interface PublishOptions {
  idempotencyKey: string;
  /** True when an earlier attempt may have reached the server. */
  isRetry: boolean;
  signal?: AbortSignal;
  /**
   * For networks where the client makes the post's identity (Nostr signs the event): what this
   * part recorded so far, and how to record more. `save` resolves once the job holds it, so a
   * stopped worker finds it and resends the same thing.
   */
  record?: PartRecorder;
  /**
   * What an earlier attempt recorded for this part before the post could exist (a Threads
   * container id), so a retry can ask the network whether that attempt went out.
   */
  checkpoint?: string;
  /** Records a checkpoint in the job; resolves once it is stored, before the adapter goes on. */
  recordCheckpoint?(value: string): Promise<void>;
}

/** A part's own record in the job, which the adapter reads and writes before it sends. */
export interface PartRecorder {
  note: NoteRecord | undefined;
  save(note: NoteRecord): Promise<void>;
}

/** What deleting a post found: it was there and is gone now, or the server did not have it. */
export type RemoveResult = 'deleted' | 'not-found';

/** A post the server will publish by itself later. */
export interface ServerScheduled {
  /** The server's id for the scheduled post (not the id the post gets once published). */
  id: string;
  /** When the server will publish it (epoch milliseconds), as the server understood it. */
  scheduledAt: number;
}

/** A server asked to schedule a post published it at once instead (it ignores `scheduled_at`). */
export interface PublishedInstead {
  publishedNow: PublishedPost;
}

/** How a post is handed to a server's own scheduling. */
export interface ScheduleOptions extends PublishOptions {
  /** Epoch milliseconds. */
  scheduledAt: number;
}

/** Profile and limits as the server reports them now. */
export interface AccountSnapshot {
  credentialExpiresAt?: number;
  quota?: PublishingQuota;
  handle: string;
  displayName: string;
  avatarUrl?: string;
  webUrl?: string;
  limits: AccountLimits;
  defaultVisibility?: Visibility;
}

/** What a connect form sends: its fields by name (server address, handle, app password…). */
export type ConnectFields = Record<string, string>;

/**
 * Sign-in through the server's own consent page (OAuth authorization code): the background
 * prepares it, the page opens it with `launchWebAuthFlow`, the background completes it.
 */
export interface RedirectSignIn {
  kind: 'redirect';
  /** Registers with the server when needed and answers the consent page to open. */
  prepare(fields: ConnectFields, server: ServerFacts): Promise<{ authorizeUrl: string }>;
  /** Trades the redirect's code for credentials and builds the account. */
  complete(redirectUrl: string): Promise<Account>;
  /** Forgets a sign-in the person abandoned. */
  cancel(state: string | undefined): Promise<void>;
}

/** Sign-in by a form sent straight to the server (an app password). */
export interface FormSignIn {
  kind: 'form';
  connect(fields: ConnectFields): Promise<Account>;
}

/** What was learned about a server before signing in (its nodeinfo). */
export interface ServerFacts {
  software?: ServerSoftware;
}

/** Servers of one protocol that several networks share (the Mastodon API), and which software each claims. */
export interface ProtocolFamily {
  name: string;
  /** nodeinfo software names this network serves; 'any' for the one that takes all others. */
  software: string[] | 'any';
  /** Reads which software a server runs before signing in, to pick the network that fits it. */
  identify(fields: ConnectFields): Promise<ServerFacts>;
}

/** The contract every network adapter keeps; the background calls nothing else. */
export interface NetworkAdapter {
  id: NetworkId;
  signIn: RedirectSignIn | FormSignIn;
  /** Set for networks that are flavors of one protocol, so a sign-in lands on the right one. */
  family?: ProtocolFamily;
  /**
   * The network's counter, the one pages load with `loadMeasure`: the worker holds it from the
   * start, since a service worker may not `import()`.
   */
  measure: MeasureText;
  /** Chooses, before the first attempt, the key that makes every retry safe. */
  newIdempotencyKey(): string;
  publish(account: Account, post: OutgoingPost, options: PublishOptions): Promise<PublishedPost>;
  /** What an image must be prepared to for this account. */
  imageRules(account: Account): ImageTarget;
  /** Uploads one prepared image with its alt text, and waits until the server can attach it. */
  uploadImage(
    account: Account,
    image: PreparedUpload,
    options: { signal?: AbortSignal },
  ): Promise<UploadedMedia>;
  /**
   * Uploads the post's video and waits until the server can attach it. Only for networks whose
   * capabilities say they take video.
   */
  uploadVideo?(
    account: Account,
    upload: VideoUpload,
    options: VideoUploadOptions,
  ): Promise<UploadedMedia>;
  /**
   * Deletes a post. 'not-found' when the server had no such post: already deleted there, or
   * never made; the caller says so instead of claiming it deleted it.
   */
  remove(account: Account, post: PublishedPost): Promise<RemoveResult>;
  /**
   * Only for networks whose servers post later by themselves (a single post, not a thread).
   * Throws an 'unsupported' error when the server will not take that time (too soon, or over its
   * limits), so the caller can post it itself at that time instead. A server that posted it at
   * once answers `publishedNow`: the post is public, and the server cannot schedule.
   */
  schedule?(
    account: Account,
    post: OutgoingPost,
    options: ScheduleOptions,
  ): Promise<ServerScheduled | PublishedInstead>;
  /** Takes a post off the server's schedule; one the server no longer has counts as taken off. */
  cancelScheduled?(account: Account, id: string): Promise<void>;
  /** Moves a post on the server's schedule; 'unsupported' when the server will not take that time. */
  reschedule?(account: Account, id: string, at: number): Promise<ServerScheduled>;
  /** Re-reads profile and limits; throws an auth error when the credentials no longer work. */
  refresh(account: Account): Promise<AccountSnapshot>;
  /** Revokes what can be revoked and forgets the credentials. */
  disconnect(account: Account): Promise<void>;
  /**
   * For networks whose logins expire unless renewed (Threads: 60 days): renews the login when it
   * is due, and answers when it ends and when to look again. Throws 'auth' when only reconnecting
   * helps; other errors mean "try again later".
   */
  renewCredentials?(
    account: Account,
    now: number,
  ): Promise<{ expiresAt: number; nextCheckAt: number }>;
}
