/**
 * A real Bluesky PDS (`@atproto/pds`) and an in-memory PLC directory (`@did-plc/server`), both
 * listening on 127.0.0.1 only, for the unit tests, the Playwright tests and `npm start`.
 *
 * This folder is its own npm package (`npm ci --prefix tests/servers/pds`, run by the root
 * postinstall) so that the PDS and its native modules stay out of the extension's dependencies.
 * The PDS is loaded lazily by `startPds()`, so importing this module costs nothing.
 *
 * There is no AppView: `app.bsky.feed.*` reads answer 502. Check what was posted with
 * `getRecord` / `listRecords` (com.atproto.repo.*), which the PDS serves itself.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo, type Server as NetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PDS, ServerEnvironment } from '@atproto/pds';
import type { PlcServer } from '@did-plc/server';

export interface PdsSandbox {
  /** PDS base URL, e.g. http://127.0.0.1:41234 (also the `#atproto_pds` endpoint in DID documents). */
  url: string;
  /** PLC directory base URL, e.g. http://127.0.0.1:41235 (`${plcUrl}/${did}` is the DID document). */
  plcUrl: string;
  /** Creates an account; handles end in `.test` (e.g. 'alice.test'). */
  createAccount(input: { handle: string; password: string; email?: string }): Promise<{
    did: string;
    handle: string;
    accessJwt: string;
    refreshJwt: string;
  }>;
  /** Creates an app password for the account and returns it (xxxx-xxxx-xxxx-xxxx). */
  createAppPassword(account: { accessJwt: string }, name: string): Promise<string>;
  /** The record, or null when the repo has none at that key. */
  getRecord(
    did: string,
    collection: string,
    rkey: string,
  ): Promise<{ uri: string; cid: string; value: Record<string, unknown> } | null>;
  /** Every record of that collection, newest first (the PDS's default order). */
  listRecords(
    did: string,
    collection: string,
  ): Promise<Array<{ uri: string; cid: string; value: Record<string, unknown> }>>;
  /** The blob's bytes (com.atproto.sync.getBlob). */
  getBlob(did: string, cid: string): Promise<Uint8Array>;
  /** Stops both servers, drops every open connection and deletes the data directory. */
  close(): Promise<void>;
}

export interface StartPdsOptions {
  /** PDS port on 127.0.0.1; a free one when unset or 0. */
  port?: number;
  /** PLC directory port on 127.0.0.1; a free one when unset or 0. */
  plcPort?: number;
}

/** Both servers listen here and nowhere else. */
const HOST = '127.0.0.1';
/**
 * An AppView that is never there (the discard port, closed on loopback). Configuring one makes the
 * PDS serve app.bsky.actor.getPreferences/putPreferences itself; everything it would proxy to the
 * AppView (app.bsky.feed.*, ...) fails fast with 502 instead.
 */
const DEAD_APPVIEW_URL = `http://${HOST}:9`;
const DEAD_APPVIEW_DID = 'did:example:crosswind-no-appview';

type PdsModule = typeof import('@atproto/pds');
type PlcModule = typeof import('@did-plc/server');

interface RecordView {
  uri: string;
  cid: string;
  value: Record<string, unknown>;
}

/** An XRPC error answer from the PDS, with the status and the lexicon error name. */
export class PdsRequestError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(`${status} ${error}: ${message}`);
    this.name = 'PdsRequestError';
  }
}

export async function startPds(options: StartPdsOptions = {}): Promise<PdsSandbox> {
  const [pdsModule, plcModule] = loadModules();
  const cleanups: Array<() => Promise<void>> = [];
  const runCleanups = async () => {
    // Last started, first stopped.
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
      await cleanup().catch(() => undefined);
    }
  };

  try {
    const dataDir = await mkdtemp(join(tmpdir(), 'crosswind-pds-'));
    // Also when the process ends without close() (a crash, process.exit()).
    const removeOnExit = () => rmSync(dataDir, { recursive: true, force: true });
    process.once('exit', removeOnExit);
    cleanups.push(async () => {
      process.off('exit', removeOnExit);
      await rm(dataDir, { recursive: true, force: true });
    });

    // The PLC directory: its port can be picked by the OS since nothing in it depends on its URL.
    const plc: PlcServer = plcModule.PlcServer.create({ db: plcModule.Database.mock() });
    const plcHttp = await listen(plc.app, options.plcPort ?? 0);
    cleanups.push(async () => {
      await plcHttp.close();
      await plc.destroy();
    });
    const plcUrl = `http://${HOST}:${plcHttp.port}`;

    // The PDS writes its URL into every DID document it creates, so its port must be known before
    // it is created: hold the port with a placeholder listener until the PDS takes it over.
    const reserved = await reservePort(options.port ?? 0);
    cleanups.push(() => reserved.release());
    const url = `http://${HOST}:${reserved.port}`;

    const env: ServerEnvironment = {
      port: reserved.port,
      // 'localhost' gives handles under '.test' and dev defaults; the URL is set below.
      hostname: 'localhost',
      devMode: true,
      version: '0.0.0-crosswind-sandbox',
      dataDirectory: dataDir,
      blobstoreDiskLocation: join(dataDir, 'blobs'),
      blobstoreDiskTmpLocation: join(dataDir, 'blobs-tmp'),
      didPlcUrl: plcUrl,
      inviteRequired: false,
      disableSsrfProtection: true,
      crawlers: [],
      enableDidDocWithSession: true,
      rateLimitsEnabled: false,
      bskyAppViewUrl: DEAD_APPVIEW_URL,
      bskyAppViewDid: DEAD_APPVIEW_DID,
      jwtSecret: randomBytes(32).toString('hex'),
      adminPassword: randomBytes(16).toString('hex'),
      plcRotationKeyK256PrivateKeyHex: secp256k1PrivateKeyHex(),
    };
    const cfg = pdsModule.envToCfg(env);
    // With hostname 'localhost' the PDS would call itself http://localhost:PORT; it listens on
    // 127.0.0.1 only, so say exactly that (DID documents, OAuth metadata, DPoP checks).
    cfg.service.publicUrl = url;
    if (cfg.oauth.issuer) cfg.oauth.issuer = url;
    const secrets = pdsModule.envToSecrets(env);

    const pds: PDS = await pdsModule.PDS.create(cfg, secrets);
    let pdsHttp: Listening | undefined;
    cleanups.push(async () => {
      await pdsHttp?.close();
      await pds.destroy();
      // destroy() leaves these two SQLite databases open.
      await pds.ctx.didCache.destroy();
      pds.ctx.didCache.db.close();
      pds.ctx.sequencer.db.close();
    });
    // What PDS.start() does, minus listening on every interface.
    await pds.ctx.sequencer.start();
    await reserved.release();
    pdsHttp = await listen(pds.app, reserved.port);
    pdsHttp.server.keepAliveTimeout = 90_000;

    let closing: Promise<void> | undefined;
    return {
      url,
      plcUrl,
      createAccount: async ({ handle, password, email }) => {
        const out = await xrpc(url, 'com.atproto.server.createAccount', {
          body: { handle, password, email: email ?? `${handle}@example.test` },
        });
        return {
          did: stringField(out, 'did'),
          handle: stringField(out, 'handle'),
          accessJwt: stringField(out, 'accessJwt'),
          refreshJwt: stringField(out, 'refreshJwt'),
        };
      },
      createAppPassword: async ({ accessJwt }, name) => {
        const out = await xrpc(url, 'com.atproto.server.createAppPassword', {
          body: { name },
          token: accessJwt,
        });
        return stringField(out, 'password');
      },
      getRecord: async (did, collection, rkey) => {
        try {
          const out = await xrpc(url, 'com.atproto.repo.getRecord', {
            query: { repo: did, collection, rkey },
          });
          return toRecordView(out);
        } catch (error) {
          if (error instanceof PdsRequestError && error.error === 'RecordNotFound') return null;
          throw error;
        }
      },
      listRecords: async (did, collection) => {
        const records: RecordView[] = [];
        let cursor: string | undefined;
        do {
          const out = await xrpc(url, 'com.atproto.repo.listRecords', {
            query: { repo: did, collection, limit: '100', ...(cursor ? { cursor } : {}) },
          });
          const page = isObject(out) && Array.isArray(out.records) ? out.records : [];
          records.push(...page.map(toRecordView));
          const next = isObject(out) && typeof out.cursor === 'string' ? out.cursor : undefined;
          cursor = page.length > 0 && next !== cursor ? next : undefined;
        } while (cursor);
        return records;
      },
      getBlob: async (did, cid) => {
        const response = await fetch(
          `${url}/xrpc/com.atproto.sync.getBlob?${new URLSearchParams({ did, cid })}`,
        );
        if (!response.ok) throw await toRequestError(response);
        return new Uint8Array(await response.arrayBuffer());
      },
      close: () => {
        closing ??= runCleanups();
        return closing;
      },
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

/**
 * Loads both (CommonJS) packages with `require`: on this sandbox's slow file system, `import()`
 * takes twice as long (~5 s instead of ~2.5 s) since Node then scans every re-exported file
 * for its export names.
 */
function loadModules(): [PdsModule, PlcModule] {
  const require = createRequire(import.meta.url);
  try {
    return [require('@atproto/pds') as PdsModule, require('@did-plc/server') as PlcModule];
  } catch (error) {
    throw new Error(
      'Could not load the PDS sandbox packages: run `npm ci --prefix tests/servers/pds` ' +
        '(the root `npm ci` does it in its postinstall).',
      { cause: error },
    );
  }
}

/** A fresh secp256k1 private key as 64 hex digits (the PDS's PLC rotation key). */
function secp256k1PrivateKeyHex(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
  const d = privateKey.export({ format: 'jwk' }).d;
  if (!d) throw new Error('secp256k1 key without a private part');
  return Buffer.from(d, 'base64url').toString('hex').padStart(64, '0');
}

interface Listening {
  server: HttpServer;
  port: number;
  /** Stops listening and destroys every open connection (keep-alive and WebSocket ones too). */
  close(): Promise<void>;
}

/** Listens with an express app on 127.0.0.1 (through `app.listen`, which the PDS patches for WebSockets). */
async function listen(
  app: { listen(port: number, hostname: string): HttpServer },
  port: number,
): Promise<Listening> {
  const server = app.listen(port, HOST);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await untilListening(server);
  let closed: Promise<void> | undefined;
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
}

/** Holds a port on 127.0.0.1 (a free one for 0) until `release()`. */
async function reservePort(port: number): Promise<{ port: number; release(): Promise<void> }> {
  const holder: NetServer = createServer((socket) => socket.destroy());
  holder.listen(port, HOST);
  await untilListening(holder);
  let released: Promise<void> | undefined;
  return {
    port: (holder.address() as AddressInfo).port,
    release: () => {
      released ??= new Promise<void>((resolve) => holder.close(() => resolve()));
      return released;
    },
  };
}

function untilListening(server: NetServer): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
  });
}

async function xrpc(
  base: string,
  nsid: string,
  request: { query?: Record<string, string>; body?: unknown; token?: string },
): Promise<unknown> {
  const query = request.query ? `?${new URLSearchParams(request.query)}` : '';
  const headers: Record<string, string> = {};
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  const response = await fetch(`${base}/xrpc/${nsid}${query}`, {
    method: request.body === undefined ? 'GET' : 'POST',
    headers,
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  });
  if (!response.ok) throw await toRequestError(response);
  return response.json();
}

async function toRequestError(response: Response): Promise<PdsRequestError> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const error = isObject(body) && typeof body.error === 'string' ? body.error : 'UnknownError';
  const message = isObject(body) && typeof body.message === 'string' ? body.message : text;
  return new PdsRequestError(response.status, error, message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(value: unknown, key: string): string {
  const field = isObject(value) ? value[key] : undefined;
  if (typeof field !== 'string') throw new Error(`PDS answer without a string "${key}"`);
  return field;
}

function toRecordView(value: unknown): RecordView {
  const record = isObject(value) ? value.value : undefined;
  if (!isObject(record)) throw new Error('PDS answer without a record value');
  return { uri: stringField(value, 'uri'), cid: stringField(value, 'cid'), value: record };
}
