/** A note's audience, as Misskey names it. */
export type NoteVisibility = 'public' | 'home' | 'followers' | 'specified';

/** The software a Misskey-API server says it runs (nodeinfo `software.name`). */
export type MisskeySoftware = 'misskey' | 'sharkey' | 'firefish' | 'iceshrimp' | 'catodon';

/** A person with an account on the test server. */
export interface MisskeyUser {
  username: string;
  name?: string;
}

/** How to start a test server; every field defaults to what a stock Misskey 2025 has. */
export interface MisskeyServerOptions {
  /** 0 or undefined picks a free port. */
  port?: number;
  /** Defaults to one user, alice ("Alice Sandbox"). */
  users?: MisskeyUser[];
  /** nodeinfo's `software.name`; the API stays Misskey's. */
  software?: MisskeySoftware;
  version?: string;
  /** `/api/meta` maxNoteTextLength (Misskey's MAX_NOTE_TEXT_LENGTH, 3000). */
  maxNoteTextLength?: number;
  /** Largest upload in bytes (Misskey's config `maxFileSize`, 262144000 by default). */
  maxFileSize?: number;
  /** The role policy `driveCapacityMb` (100 on a stock server). */
  driveCapacityMb?: number;
  /** The MiAuth page approves at once and redirects, as if the person had clicked Allow. */
  autoApprove?: boolean;
  name?: string;
}

/** The options with every default filled in. */
export interface ResolvedOptions {
  port: number;
  users: Required<MisskeyUser>[];
  software: MisskeySoftware;
  version: string;
  maxNoteTextLength: number;
  maxFileSize: number;
  driveCapacityMb: number;
  autoApprove: boolean;
  name: string;
}

/** A local account. */
export interface UserRecord {
  id: string;
  username: string;
  name: string;
  createdAt: Date;
  /** The token the web client holds after a password sign-in (the only one `secure` endpoints take). */
  nativeToken: string;
  isSuspended: boolean;
}

/** An access token; MiAuth ones carry the session they were made for. */
export interface TokenRecord {
  id: string;
  token: string;
  userId: string;
  session: string | null;
  /** Set once `/api/miauth/:session/check` has handed the token out. */
  fetched: boolean;
  permission: string[];
  name: string | null;
  iconUrl: string | null;
  createdAt: Date;
  revoked: boolean;
}

/** A note as stored. */
export interface NoteRecord {
  id: string;
  userId: string;
  createdAt: Date;
  text: string | null;
  cw: string | null;
  visibility: NoteVisibility;
  visibleUserIds: string[];
  localOnly: boolean;
  fileIds: string[];
  replyId: string | null;
  renoteId: string | null;
  /** The app token that created it, if any (null for the web client). */
  tokenId: string | null;
  deletedAt: Date | null;
}

/** A drive file as stored, with its bytes. */
export interface FileRecord {
  id: string;
  userId: string;
  createdAt: Date;
  name: string;
  type: string;
  size: number;
  md5: string;
  comment: string | null;
  isSensitive: boolean;
  width: number | null;
  height: number | null;
  accessKey: string;
  bytes: Buffer;
}

/** One request the server answered (or dropped), for tests to inspect. */
export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  /** True when the server did the work but dropped the connection instead of answering. */
  dropped: boolean;
  time: string;
}

/** Everything the server holds. */
export interface ServerState {
  users: UserRecord[];
  tokens: TokenRecord[];
  notes: NoteRecord[];
  files: FileRecord[];
  requests: RequestRecord[];
  /**
   * API requests as they arrive, before any delay: what a worker stopped while the server held
   * its request had already sent (`requests` lists them once answered).
   */
  arrivals: Array<{ method: string; path: string }>;
  /** MiAuth sessions whose consent page was opened, in order. */
  consentViews: string[];
  /** Who is signed in to the web client the consent page belongs to. */
  signedInUsername: string;
}

/** Answer matching requests with an error, `times` times. */
export interface FailRule {
  status: 429 | 500 | 502 | 503;
  /** An exact path such as `/api/notes/create`; every /api path when missing. */
  path?: string;
  times?: number;
}

/** Hold matching requests for `ms` before handling them. */
export interface DelayRule {
  ms: number;
  path?: string;
  times?: number;
}

/** Do the work of matching requests, then cut the connection instead of answering. */
export interface DropRule {
  path: string;
  times?: number;
}

/** A rate limit as an endpoint's `meta.limit` declares it. */
export interface LimitRule {
  duration: number;
  max: number;
  minInterval?: number;
}

/** How tests steer the running server. */
export interface ServerControl {
  fail(rule: FailRule): void;
  delay(rule: DelayRule): void;
  dropAnswer(rule: DropRule): void;
  /** Replaces an endpoint's rate limit (e.g. `notes/create`), until reset. */
  setRateLimit(endpoint: string, rule: LimitRule): void;
  suspend(username: string, suspended?: boolean): void;
  /** Revokes every app token (of one user when named); returns how many. */
  revokeTokens(username?: string): number;
  setSignedInUser(username: string): void;
  /** Forgets faults and rate-limit changes and counts; the data stays. */
  reset(): void;
}

/** A running test server. */
export interface MisskeyServer {
  /** e.g. http://127.0.0.1:43123 */
  url: string;
  state: ServerState;
  control: ServerControl;
  close(): Promise<void>;
}
