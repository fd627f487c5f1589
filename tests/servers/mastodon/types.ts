import type { Flavor } from './flavors';

/** A post's audience, as Mastodon names it. */
export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

/** A person with an account on the test server. */
export interface MastodonUser {
  username: string;
  displayName: string;
  note?: string;
  defaultPrivacy?: Visibility;
}

/** How to start a test server; every field has the default a stock Mastodon 4.4 would have. */
export interface MastodonServerOptions {
  /** 0 or undefined picks a free port. */
  port?: number;
  /** Defaults to one user, alice ("Alice Sandbox"). */
  users?: MastodonUser[];
  maxCharacters?: number;
  maxMediaAttachments?: number;
  charactersReservedPerUrl?: number;
  /** /oauth/authorize redirects at once, without the consent page. */
  autoApprove?: boolean;
  /** false makes /api/v2/instance answer 404, as servers older than 4.0 do. */
  instanceV2?: boolean;
  /** How many GET /api/v1/media/:id answer 206 before 200; above 0, v2/media answers 202. */
  mediaProcessingPolls?: number;
  title?: string;
  /** Behave like another Mastodon-API server software (see flavors.ts); Mastodon by default. */
  flavor?: Flavor;
}

/** The options with every default filled in. */
export interface ResolvedOptions {
  port: number;
  users: MastodonUser[];
  maxCharacters: number;
  maxMediaAttachments: number;
  charactersReservedPerUrl: number;
  autoApprove: boolean;
  instanceV2: boolean;
  mediaProcessingPolls: number;
  title: string;
  flavor: Flavor;
}

/** A local account. */
export interface AccountRecord {
  id: string;
  username: string;
  displayName: string;
  note: string;
  defaultPrivacy: Visibility;
  createdAt: Date;
}

/** A registered OAuth client (Doorkeeper application). */
export interface AppRecord {
  id: string;
  name: string;
  website: string | null;
  redirectUris: string[];
  scopes: string[];
  clientId: string;
  clientSecret: string;
  vapidKey: string;
  createdAt: Date;
}

/** An authorization code handed out by /oauth/authorize. */
export interface GrantRecord {
  code: string;
  appId: string;
  accountId: string;
  redirectUri: string;
  scopes: string[];
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** An access token; `accountId` is null for client-credentials (app) tokens. */
export interface TokenRecord {
  token: string;
  appId: string;
  accountId: string | null;
  scopes: string[];
  createdAt: Date;
  revokedAt: Date | null;
  /** Set by flavors whose tokens expire (Pixelfed). */
  expiresAt?: Date;
  /** Trades for a new token once, where tokens expire. */
  refreshToken?: string;
}

/** Kinds of media Mastodon distinguishes. */
export type MediaType = 'image' | 'gifv' | 'video' | 'audio' | 'unknown';

/** An uploaded file and what the server made of it. */
export interface MediaRecord {
  id: string;
  accountId: string;
  type: MediaType;
  mimeType: string;
  fileName: string;
  extension: string;
  bytes: Buffer;
  sha256: string;
  size: number;
  width: number | null;
  height: number | null;
  description: string | null;
  focus: { x: number; y: number | null } | null;
  statusId: string | null;
  scheduledStatusId: string | null;
  /** GET /api/v1/media/:id answers left before processing is done. */
  pollsRemaining: number;
  /** What ffprobe would have read from a video (null where its container does not say). */
  video?: { frameRate: number | null; duration: number | null };
  shortcode: string;
  createdAt: Date;
}

/** A hashtag as a status carries it. */
export interface TagRef {
  name: string;
}

/** A post. Deleted posts stay here with `deletedAt` set, so tests can see what happened. */
export interface StatusRecord {
  id: string;
  accountId: string;
  appId: string | null;
  text: string;
  spoilerText: string;
  sensitive: boolean;
  visibility: Visibility;
  language: string;
  inReplyToId: string | null;
  inReplyToAccountId: string | null;
  mediaIds: string[];
  mentionAccountIds: string[];
  tags: string[];
  idempotencyKey: string | null;
  createdAt: Date;
  deletedAt: Date | null;
}

/** The parameters a scheduled status keeps until it is published. */
export interface ScheduledParams {
  text: string | null;
  poll: null;
  media_ids: string[] | null;
  sensitive: boolean | null;
  visibility: string | null;
  spoiler_text: string | null;
  scheduled_at: null;
  in_reply_to_id: string | null;
  language: string | null;
  application_id: number | null;
  idempotency: null;
  with_rate_limit: boolean;
  allowed_mentions: null;
}

/** A status waiting for its time. */
export interface ScheduledStatusRecord {
  id: string;
  accountId: string;
  appId: string | null;
  scheduledAt: Date;
  params: ScheduledParams;
  mediaIds: string[];
  idempotencyKey: string | null;
  publishedStatusId: string | null;
  cancelledAt: Date | null;
}

/** One answered request (control endpoints are not logged). */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  idempotencyKey: string | null;
  time: string;
}

/** What an Idempotency-Key is bound to, for an hour. */
export interface IdempotencyRecord {
  kind: 'status' | 'scheduled';
  id: string;
  expiresAt: number;
}

/** Everything the server knows; tests may read it directly. */
export interface ServerState {
  accounts: AccountRecord[];
  apps: AppRecord[];
  grants: GrantRecord[];
  tokens: TokenRecord[];
  /** Every status ever posted, oldest first; deleted ones have `deletedAt`. */
  statuses: StatusRecord[];
  scheduledStatuses: ScheduledStatusRecord[];
  media: MediaRecord[];
  requests: RequestLogEntry[];
  /** Keyed by `${accountId}:${key}`. */
  idempotency: Map<string, IdempotencyRecord>;
  /** The person the consent page acts for. */
  signedInUsername: string;
}

/** A fault to inject: the next `times` matching requests fail. */
export interface FailRule {
  status: 500 | 502 | 503 | 429;
  times: number;
  path?: string;
  method?: string;
  retryAfterSeconds?: number;
  /**
   * The server does the work, then the answer is lost on the way back (a proxy times out): the
   * client sees the failure although the post exists.
   */
  afterHandling?: boolean;
}

/** Slow responses: matching requests wait `ms` first (`times` unset means until reset). */
export interface DelayRule {
  ms: number;
  path?: string;
  times?: number;
}

/**
 * An answer a broken server or a proxy in front of it gives instead of the API's: a web page, an
 * empty object, any body with any status (`times` unset means until reset).
 */
export interface AnswerRule {
  status: number;
  body: string;
  contentType: string;
  path?: string;
  method?: string;
  times?: number;
}

/** How the server departs from Mastodon in ways other Mastodon-API servers do. */
export interface Quirks {
  /** Limits /api/v1 and /api/v2/instance report instead of the real ones, whatever their type. */
  instanceStatuses?: Record<string, unknown>;
  /** Publish at once and answer a Status when `scheduled_at` is given (as Hollo does). */
  ignoreScheduledAt?: boolean;
}

/** Switches tests use to make the server misbehave or change who is signed in. */
export interface ServerControl {
  fail(rule: FailRule): void;
  delay(rule: DelayRule): void;
  answer(rule: AnswerRule): void;
  quirks(quirks: Quirks): void;
  revokeAllTokens(username?: string): number;
  setSignedInUser(username: string): void;
  /** Makes the user's (or everyone's) access tokens expired, as time would; answers how many. */
  expireTokens(username?: string): number;
  /** Publishes a pending scheduled status now, as if its time had come; answers the new status id. */
  publishScheduledNow(id: string): string;
  /** Clears faults, delays, answers and quirks; data stays. */
  reset(): void;
}

/** A running test server. */
export interface MastodonServer {
  url: string;
  close(): Promise<void>;
  state: ServerState;
  control: ServerControl;
}
