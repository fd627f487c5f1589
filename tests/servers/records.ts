// What the local test servers hold, read straight from them: the same checks for the Chromium and
// the Firefox end-to-end tests, whatever drives the browser.

let counter = 0;

/** A handle no other test has used on the shared PDS. */
export function uniqueHandle(prefix = 'user'): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter}.test`;
}

async function xrpc<T>(pds: string, method: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${pds}/xrpc/${method}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token && { Authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Creates an account on the real PDS and an app password for it, as a person would in the Bluesky app. */
export async function createBlueskyUser(pds: string, prefix = 'user') {
  const handle = uniqueHandle(prefix);
  const account = await xrpc<{ did: string; accessJwt: string }>(
    pds,
    'com.atproto.server.createAccount',
    {
      handle,
      email: `${handle}@example.test`,
      password: 'main-password-not-for-apps',
    },
  );
  const app = await xrpc<{ password: string }>(
    pds,
    'com.atproto.server.createAppPassword',
    { name: 'crosswind' },
    account.accessJwt,
  );
  return { handle, did: account.did, appPassword: app.password };
}

/** Reads the posts of a repo straight from the PDS. */
export async function listPosts(pds: string, did: string) {
  const url = new URL('/xrpc/com.atproto.repo.listRecords', pds);
  url.search = new URLSearchParams({
    repo: did,
    collection: 'app.bsky.feed.post',
    limit: '100',
  }).toString();
  const response = await fetch(url);
  const body = (await response.json()) as {
    records: Array<{ uri: string; cid: string; value: PostRecord }>;
  };
  return body.records;
}

/** An app.bsky.feed.post record as the PDS stores it. */
export interface PostRecord {
  text: string;
  langs?: string[];
  facets?: Facet[];
  labels?: { $type: string; values: Array<{ val: string }> };
  reply?: { root: { uri: string; cid: string }; parent: { uri: string; cid: string } };
  createdAt: string;
}

/** A rich-text facet as stored in the record. */
export interface Facet {
  index: { byteStart: number; byteEnd: number };
  features: Array<{ $type: string; uri?: string; did?: string; tag?: string }>;
}

/** Calls a test server's control API; the Mastodon and Misskey test servers share its shape. */
export async function serverControl<T = unknown>(
  server: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server}/__control/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`control ${path} failed: ${response.status}`);
  return (await response.json()) as T;
}

/** Calls the Mastodon test server's control API. */
export const mastodonControl = serverControl;

/** A status as the Mastodon test server recorded it. */
export interface RecordedStatus {
  id: string;
  username: string;
  text: string;
  spoilerText: string;
  sensitive: boolean;
  visibility: string;
  language: string | null;
  inReplyToId: string | null;
  idempotencyKey: string | null;
  /** Set once the status was deleted (the server keeps it recorded). */
  deletedAt: string | null;
  createdAt: string;
}

/** Every status on the Mastodon test server whose text contains `marker`. */
export async function statusesContaining(
  server: string,
  marker: string,
): Promise<RecordedStatus[]> {
  const all = await mastodonControl<RecordedStatus[]>(server, 'statuses');
  return all.filter((status) => status.text.includes(marker));
}
