/** A Meta app as its dashboard would hold it: the Threads App ID, its secret, its settings. */
export interface ThreadsAppSpec {
  /** The Threads App ID (a numeric string), not the Facebook app's. */
  appId: string;
  secret: string;
  /** Valid OAuth redirect URIs, compared exactly as Meta does. */
  redirectUris: string[];
  /** Usernames added as Threads testers: until app review, only they can authorize. */
  testers: string[];
  /** The app's Facebook App ID, which the dialog refuses as a client_id with its own error. */
  facebookAppId?: string;
}

/** A Threads user the consent page can be signed in as. */
export interface ThreadsUserSpec {
  username: string;
  name?: string;
}

/** What the server is started with. */
export interface ThreadsServerOptions {
  port?: number;
  apps?: ThreadsAppSpec[];
  users?: ThreadsUserSpec[];
  /** Status reads a container answers IN_PROGRESS before it settles (default 1). */
  processingPolls?: number;
  /** Posts per 24 h (Meta: 250) and replies per 24 h (Meta: 1,000). */
  postQuota?: number;
  replyQuota?: number;
  /** Approve the consent page at once (the sandbox's unattended mode). */
  autoApprove?: boolean;
}

export interface UserRecord {
  id: string;
  username: string;
  name: string;
}

export interface CodeRecord {
  code: string;
  appId: string;
  userId: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

export interface TokenRecord {
  token: string;
  appId: string;
  userId: string;
  kind: 'short' | 'long';
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
}

export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';
export type MediaType = 'TEXT' | 'IMAGE' | 'CAROUSEL';

export interface ContainerRecord {
  id: string;
  userId: string;
  mediaType: MediaType;
  isCarouselItem: boolean;
  text: string;
  imageUrl?: string;
  altText?: string;
  replyToId?: string;
  linkAttachment?: string;
  children: string[];
  status: ContainerStatus;
  errorMessage?: string;
  /** Status reads left before processing settles. */
  pollsLeft: number;
  /** Where processing lands: FINISHED, or ERROR when the image could not be had. */
  settlesAs: Promise<{ status: 'FINISHED' } | { status: 'ERROR'; errorMessage: string }>;
  createdAt: number;
  mediaId?: string;
}

export interface MediaRecord {
  id: string;
  userId: string;
  containerId: string;
  mediaType: MediaType;
  text: string;
  imageUrls: string[];
  altTexts: string[];
  linkAttachment?: string;
  replyToId?: string;
  createdAt: number;
  deleted: boolean;
}

export interface RequestRecord {
  method: string;
  path: string;
  status: number;
  time: string;
}

export interface ServerState {
  apps: ThreadsAppSpec[];
  users: UserRecord[];
  codes: CodeRecord[];
  tokens: TokenRecord[];
  containers: ContainerRecord[];
  media: MediaRecord[];
  requests: RequestRecord[];
  /** Who the consent page is signed in as. */
  signedInUsername: string;
  /** Times the consent page was shown (tests check a person saw it). */
  consentViews: number;
}

/** A running Threads API test server. */
export interface ThreadsServer {
  url: string;
  state: ServerState;
  control: ThreadsControl;
  close(): Promise<void>;
}

/** A planned failure: the next `times` requests whose path contains `path` get this Meta error. */
export interface FailRule {
  path: string;
  method?: string;
  status: number;
  code: number;
  subcode?: number;
  message?: string;
  times?: number;
}

/** Switches tests use to steer the server. */
export interface ThreadsControl {
  /** Moves the server's clock (tokens age, quotas roll) without waiting. */
  advanceClock(ms: number): void;
  now(): number;
  fail(rule: FailRule): void;
  /** The next `times` requests to `path` are carried out but their answer is lost. */
  dropAnswer(rule: { path: string; method?: string; times?: number }): void;
  /** The next `times` requests to `path` are held `ms`, then carried out (the caller may be gone). */
  delay(rule: { path: string; method?: string; ms: number; times?: number }): void;
  /** The next containers settle as ERROR with this message. */
  failProcessing(errorMessage: string, times?: number): void;
  revokeTokens(username?: string): number;
  setSignedInUser(username: string): void;
  /** Adds a valid OAuth redirect URI to an app, as its dashboard would (the extension's own). */
  addRedirectUri(appId: string, uri: string): void;
  /** Sets whether a user is one of an app's Threads testers. */
  setTester(appId: string, username: string, tester: boolean): void;
  reset(): void;
}
