import { expect, type BrowserContext, type Page } from '@playwright/test';

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

/** Calls the Mastodon test server's control API. */
export async function mastodonControl<T = unknown>(
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

/** Points the extension's Bluesky directory at the local PDS and PLC, through the options page. */
export async function useLocalDirectory(options: Page, pds: string, plc: string): Promise<void> {
  await options.getByText('Advanced: Bluesky directory').click();
  await options.getByLabel('Handle resolver').fill(pds);
  await options.getByLabel('PLC directory').fill(plc);
  await options.getByRole('button', { name: 'Save directory settings' }).click();
  await expect(options.getByText('Directory settings saved.')).toBeVisible();
}

/** Connects the Mastodon test server's signed-in user by clicking through its consent page. */
export async function connectMastodonViaUi(
  context: BrowserContext,
  options: Page,
  server: string,
  decision: 'Authorize' | 'Deny' = 'Authorize',
): Promise<void> {
  await options.getByLabel('Mastodon server').fill(server);
  const consentOpened = context.waitForEvent('page');
  await options.getByRole('button', { name: 'Connect Mastodon account' }).click();
  const consent = await consentOpened;
  await consent.getByRole('button', { name: decision }).click();
}

/** Connects a Bluesky account by typing its handle and app password. */
export async function connectBlueskyViaUi(
  options: Page,
  handle: string,
  appPassword: string,
): Promise<void> {
  await options.getByLabel('Handle or email').fill(handle);
  await options.getByLabel('App password').fill(appPassword);
  await options.getByRole('button', { name: 'Connect Bluesky account' }).click();
}

/** Connects the Mastodon test user and a fresh Bluesky user; returns the Bluesky user. */
export async function connectBoth(
  context: BrowserContext,
  options: Page,
  servers: { mastodon: string; pds: string; plc: string },
) {
  const user = await createBlueskyUser(servers.pds, 'poster');
  await connectMastodonViaUi(context, options, servers.mastodon);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(1);
  await useLocalDirectory(options, servers.pds, servers.plc);
  await connectBlueskyViaUi(options, user.handle, user.appPassword);
  await expect(options.getByText('Connected', { exact: true })).toHaveCount(2);
  return user;
}

/** Ticks the composer's account checkbox of each named network (one account each). */
export async function pickAccounts(
  popup: Page,
  ...networks: Array<'Mastodon' | 'Bluesky'>
): Promise<void> {
  for (const network of networks) {
    await popup.getByRole('checkbox', { name: new RegExp(`\\(${network}\\)$`) }).check();
  }
}
