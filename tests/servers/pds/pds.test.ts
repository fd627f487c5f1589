/**
 * The PDS sandbox: a real @atproto/pds with its PLC directory, driven the way Crosswind drives a
 * Bluesky server (handle -> DID -> DID document -> PDS, app-password login, createRecord).
 */
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { AtpAgent, XRPCError } from '@atproto/api';
import { TID } from '@atproto/common-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPds, type PdsSandbox } from './index';

const POST = 'app.bsky.feed.post';
const HANDLE = 'alice.test';
const PASSWORD = 'alice-main-password';

/** TCP servers open before the sandbox started (the test runner's own, if any). */
const tcpServersBefore = countTcpServers();
let sandbox: PdsSandbox;
let startupMs = 0;
let account: Awaited<ReturnType<PdsSandbox['createAccount']>>;
let appPassword = '';

function countTcpServers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;
}

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<XRPCError> {
  const error: unknown = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(XRPCError);
  return error as XRPCError;
}

function post(text: string): { $type: string; text: string; createdAt: string } {
  return { $type: POST, text, createdAt: new Date().toISOString() };
}

/** Resolves like the extension does: handle on the PDS, DID document on the PLC, then logs in. */
async function loginWithAppPassword(password: string): Promise<AtpAgent> {
  const resolver = new AtpAgent({ service: sandbox.url });
  const { data } = await resolver.com.atproto.identity.resolveHandle({ handle: HANDLE });
  const didDoc = (await (await fetch(`${sandbox.plcUrl}/${data.did}`)).json()) as {
    service?: Array<{ id: string; type: string; serviceEndpoint: string }>;
  };
  const pds = didDoc.service?.find((s) => s.id === '#atproto_pds');
  expect(pds).toBeDefined();
  const agent = new AtpAgent({ service: pds!.serviceEndpoint });
  await agent.login({ identifier: HANDLE, password });
  return agent;
}

beforeAll(async () => {
  const started = performance.now();
  sandbox = await startPds();
  startupMs = performance.now() - started;
  console.info(`PDS sandbox ready in ${Math.round(startupMs)} ms at ${sandbox.url}`);
  account = await sandbox.createAccount({ handle: HANDLE, password: PASSWORD });
  appPassword = await sandbox.createAppPassword(account, 'crosswind');
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

describe('PDS sandbox', () => {
  it('uses the root @atproto/api, not a copy from the PDS packages', () => {
    const resolved = createRequire(import.meta.url).resolve('@atproto/api');
    expect(resolved).not.toContain('/tests/servers/pds/node_modules/');
  });

  it('listens on 127.0.0.1 and started in reasonable time', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.plcUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(startupMs).toBeLessThan(30_000);
  });

  it('creates an account under .test and an app password', () => {
    expect(account.did).toMatch(/^did:plc:[a-z2-7]{24}$/);
    expect(account.handle).toBe(HANDLE);
    expect(account.accessJwt).not.toBe('');
    expect(account.refreshJwt).not.toBe('');
    expect(appPassword).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
  });

  it('publishes a DID document naming the PDS as #atproto_pds', async () => {
    const response = await fetch(`${sandbox.plcUrl}/${account.did}`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc.id).toBe(account.did);
    expect(doc.alsoKnownAs).toEqual([`at://${HANDLE}`]);
    expect(doc.service).toEqual([
      { id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: sandbox.url },
    ]);
  });

  it('logs in by handle with the app password through AtpAgent', async () => {
    const agent = await loginWithAppPassword(appPassword);
    expect(agent.session?.did).toBe(account.did);
    expect(agent.session?.handle).toBe(HANDLE);
    expect(agent.pdsUrl?.origin).toBe(sandbox.url);
  });

  it('refuses a wrong app password', async () => {
    const error = await rejection(loginWithAppPassword('aaaa-bbbb-cccc-dddd'));
    console.info('wrong app password:', error.status, error.error, error.message);
    expect(error.status).toBe(401);
    expect(error.error).toBe('AuthenticationRequired');
    expect(error.message).toBe('Invalid identifier or password');
  });

  it('creates a post at a chosen TID rkey and reads it back', async () => {
    const agent = await loginWithAppPassword(appPassword);
    const rkey = TID.nextStr();
    const record = post('Hello from Crosswind');
    const { data } = await agent.com.atproto.repo.createRecord({
      repo: account.did,
      collection: POST,
      rkey,
      record,
    });
    expect(data.uri).toBe(`at://${account.did}/${POST}/${rkey}`);

    const stored = await sandbox.getRecord(account.did, POST, rkey);
    expect(stored).toEqual({ uri: data.uri, cid: data.cid, value: record });
    const all = await sandbox.listRecords(account.did, POST);
    expect(all.map((r) => r.uri)).toContain(data.uri);
    expect(await sandbox.getRecord(account.did, POST, TID.nextStr())).toBeNull();
  });

  it('counts post text in graphemes: 300 accepted, 301 refused', async () => {
    const agent = await loginWithAppPassword(appPassword);
    // One grapheme, two code points, four UTF-16 units, eight bytes.
    const thumb = '\u{1F44D}\u{1F3FD}';
    const ok = await agent.com.atproto.repo.createRecord({
      repo: account.did,
      collection: POST,
      record: post(thumb.repeat(300)),
    });
    expect(ok.data.uri).toContain(`/${POST}/`);

    const error = await rejection(
      agent.com.atproto.repo.createRecord({
        repo: account.did,
        collection: POST,
        record: post(thumb.repeat(301)),
      }),
    );
    console.info('301 graphemes:', error.status, error.error, error.message);
    expect(error.status).toBe(400);
    expect(error.error).toBe('InvalidRequest');
    expect(error.message).toBe(
      'Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text',
    );
  });

  it('refuses a second record at the same rkey and keeps the first', async () => {
    const agent = await loginWithAppPassword(appPassword);
    const rkey = TID.nextStr();
    const first = post('first');
    await agent.com.atproto.repo.createRecord({
      repo: account.did,
      collection: POST,
      rkey,
      record: first,
    });
    const error = await rejection(
      agent.com.atproto.repo.createRecord({
        repo: account.did,
        collection: POST,
        rkey,
        record: post('second'),
      }),
    );
    console.info('duplicate rkey:', error.status, error.error, error.message);
    // The PDS has no conflict check of its own: its repo tree throws "There is already a value at
    // key", which the XRPC layer turns into a bare 500.
    expect(error.status).toBe(500);
    expect(error.error).toBe('InternalServerError');
    expect(error.message).toBe('Internal Server Error');
    expect((await sandbox.getRecord(account.did, POST, rkey))?.value).toEqual(first);
    // The failed write was rolled back: the repo still takes new records.
    const next = await agent.com.atproto.repo.createRecord({
      repo: account.did,
      collection: POST,
      record: post('after the conflict'),
    });
    expect(
      await sandbox.getRecord(account.did, POST, next.data.uri.split('/').pop()!),
    ).not.toBeNull();
  });

  it('stores blobs referenced by a post', async () => {
    const agent = await loginWithAppPassword(appPassword);
    // A 1x1 PNG.
    const png = Uint8Array.from(
      Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64',
      ),
    );
    const { data } = await agent.com.atproto.repo.uploadBlob(png, { encoding: 'image/png' });
    const image = { alt: 'a dot', image: data.blob };
    await agent.com.atproto.repo.createRecord({
      repo: account.did,
      collection: POST,
      record: {
        ...post('with an image'),
        embed: { $type: 'app.bsky.embed.images', images: [image] },
      },
    });
    const bytes = await sandbox.getBlob(account.did, data.blob.ref.toString());
    expect(Buffer.from(bytes).equals(Buffer.from(png))).toBe(true);
  });

  it('serves preferences itself, and has no AppView for feeds', async () => {
    const agent = await loginWithAppPassword(appPassword);
    const prefs = await agent.app.bsky.actor.getPreferences();
    expect(prefs.data.preferences).toEqual([]);
    const error = await rejection(agent.app.bsky.feed.getTimeline());
    expect(error.status).toBe(502);
  });

  it('frees both ports on close', async () => {
    const ports = [sandbox.url, sandbox.plcUrl].map((u) => Number(new URL(u).port));
    await sandbox.close();
    await sandbox.close(); // idempotent
    await new Promise((resolve) => setImmediate(resolve));
    expect(countTcpServers()).toBe(tcpServersBefore);
    await expect(fetch(`${sandbox.url}/xrpc/_health`)).rejects.toThrow();
    for (const port of ports) {
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
