/** A user the server starts with. */
export interface PeerTubeUserOptions {
  username: string;
  password: string;
  displayName?: string;
  /**
   * Turns two-factor authentication on: the one code the server accepts in `x-peertube-otp`
   * (a real server checks a TOTP; a fixed code keeps tests deterministic).
   */
  otp?: string;
  /** Bytes; -1 is unlimited, as on PeerTube. */
  videoQuota?: number;
  videoQuotaDaily?: number;
  /** The user's channels; PeerTube makes one (`<username>_channel`) when none is named. */
  channels?: Array<{ name: string; displayName: string }>;
}

/** How to start the server. */
export interface PeerTubeServerOptions {
  port?: number;
  users?: PeerTubeUserOptions[];
  /** Instance name in /api/v1/config. */
  name?: string;
  /** How long a finished upload stays "To transcode" before it is published; 0 publishes at once. */
  transcodeMs?: number;
  /** Allowed file extensions (config `video.file.extensions`). */
  extensions?: string[];
  /** Access-token lifetime in seconds (PeerTube: 1 day). */
  accessTokenLifetime?: number;
  /** Refresh-token lifetime in seconds (PeerTube: 2 weeks). */
  refreshTokenLifetime?: number;
  /** Largest upload the instance takes, in bytes (-1: no limit; PeerTube's default). */
  maxFileSize?: number;
  /**
   * `client.videos.resumable_upload.max_chunk_size`: the largest slice the instance tells clients
   * to send, set where a proxy in front refuses larger bodies; such a PUT is answered 413 as that
   * proxy would. 0 (PeerTube's default): no limit.
   */
  maxChunkSize?: number;
}

export interface ChannelRecord {
  id: number;
  name: string;
  displayName: string;
  userId: number;
}

export interface UserRecord {
  id: number;
  accountId: number;
  username: string;
  password: string;
  displayName: string;
  otp: string | undefined;
  videoQuota: number;
  videoQuotaDaily: number;
}

export interface TokenRecord {
  accessToken: string;
  refreshToken: string;
  userId: number;
  accessExpiresAt: number;
  refreshExpiresAt: number;
  revoked: boolean;
}

/** A resumable upload session, as node-uploadx keeps it: metadata and the bytes written so far. */
export interface UploadRecord {
  id: string;
  userId: number;
  size: number;
  mimeType: string;
  metadata: Record<string, unknown>;
  data: Buffer;
  /** The end of the written bytes; the status answer (`308 Range`) reports it. */
  bytesWritten: number;
  /** Set once the last byte arrived; a repeated final PUT answers this video again. */
  videoId?: number;
  createdAt: number;
}

/** A video privacy id: 1 public, 2 unlisted, 3 private, 4 internal, 5 password protected. */
export type PrivacyId = 1 | 2 | 3 | 4 | 5;

export interface VideoRecord {
  id: number;
  uuid: string;
  shortUUID: string;
  name: string;
  description: string | null;
  channelId: number;
  userId: number;
  privacy: PrivacyId;
  category: number | null;
  language: string | null;
  tags: string[];
  nsfw: boolean;
  nsfwSummary: string | null;
  filename: string;
  size: number;
  sha256: string;
  uploadId: string;
  /** When its transcoding job ends (epoch ms): the video is published then, unless `transcoding` says otherwise. */
  transcodedAt: number;
  /** How its transcoding ends: published, failed (state 7), or never within the test (stays state 2). */
  transcoding: TranscodingOutcome;
  createdAt: number;
  deleted: boolean;
}

/** One chunk's bytes as they reached the server (end exclusive), including those of a cut chunk. */
export interface ByteRangeRecord {
  uploadId: string;
  start: number;
  end: number;
  /** The connection was dropped before the chunk's end. */
  cut: boolean;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  contentRange?: string;
  dropped: boolean;
  /** When the answer was ready (ms since the epoch): the video bench times uploads by it. */
  answeredAt: number;
}

export interface ServerState {
  users: UserRecord[];
  channels: ChannelRecord[];
  tokens: TokenRecord[];
  uploads: Map<string, UploadRecord>;
  videos: VideoRecord[];
  ranges: ByteRangeRecord[];
  requests: RequestRecord[];
  client: { id: string; secret: string };
}

/** Answers forced on matching requests. */
export interface FailRule {
  /** Path prefix, e.g. `/api/v1/videos/upload-resumable`. */
  path: string;
  method?: string;
  status: 429 | 500 | 502 | 503;
  times?: number;
  /** Matching requests to let through before the first failure. */
  after?: number;
  /** Seconds, sent as `Retry-After` (429, 503). */
  retryAfter?: number;
}

/** Cut the connection of an upload PUT after this many body bytes reached the server. */
export interface CutRule {
  afterBytes: number;
  times?: number;
}

/** Do the work, but drop the connection instead of answering (the answer is lost). */
export interface DropAnswerRule {
  path: string;
  method?: string;
  times?: number;
}

/** Slow every answer on a path down. */
export interface DelayRule {
  path: string;
  ms: number;
  times?: number;
}

/** The switches tests use to steer the server. */
/** How a video's transcoding job ends. */
export type TranscodingOutcome = 'published' | 'failed' | 'stalled';

/** The next videos' transcoding ends this way (`times`, default 1). */
export interface TranscodingRule {
  outcome: TranscodingOutcome;
  times?: number;
}

export interface ServerControl {
  fail(rule: FailRule): void;
  cutUpload(rule: CutRule): void;
  dropAnswer(rule: DropAnswerRule): void;
  delay(rule: DelayRule): void;
  /** Makes every token of the user invalid, as a logout elsewhere or a password change does. */
  revokeTokens(username: string): number;
  /** Expires every access token now, so the next call needs the refresh token. */
  expireAccessTokens(): void;
  setQuota(username: string, bytes: number): void;
  /** The next uploads' transcoding fails or never ends, as a broken or overloaded runner does. */
  transcoding(rule: TranscodingRule): void;
  reset(): void;
}

/** A running server. */
export interface PeerTubeServer {
  url: string;
  state: ServerState;
  control: ServerControl;
  close(): Promise<void>;
}
