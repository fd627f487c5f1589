import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createControl, controlRoute } from './control';
import { corsPath, preflight } from './cors';
import { Faults } from './faults';
import { RateLimiter } from './ratelimit';
import { newUserIds, route } from './router';
import type { Runtime } from './runtime';
import type {
  MisskeyServer,
  MisskeyServerOptions,
  ResolvedOptions,
  ServerControl,
  ServerState,
  UserRecord,
} from './types';

/** Misskey's config default for maxFileSize (250 MB). */
const DEFAULT_MAX_FILE_SIZE = 262_144_000;

function resolveOptions(options: MisskeyServerOptions): ResolvedOptions {
  const users = options.users && options.users.length > 0 ? options.users : undefined;
  return {
    port: options.port ?? 0,
    users: (users ?? [{ username: 'alice', name: 'Alice Sandbox' }]).map((user) => ({
      username: user.username,
      name: user.name ?? user.username,
    })),
    software: options.software ?? 'misskey',
    version: options.version ?? '2025.3.1',
    maxNoteTextLength: options.maxNoteTextLength ?? 3000,
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    driveCapacityMb: options.driveCapacityMb ?? 100,
    autoApprove: options.autoApprove ?? false,
    name: options.name ?? 'Misskey Sandbox',
  };
}

function createState(options: ResolvedOptions): ServerState {
  const joined = new Date(Date.UTC(2024, 0, 15, 9, 30));
  const users: UserRecord[] = options.users.map((user) => {
    if (!/^\w{1,20}$/.test(user.username)) {
      throw new Error(`"${user.username}" is not a valid Misskey username`);
    }
    return {
      ...newUserIds(joined),
      username: user.username,
      name: user.name,
      createdAt: joined,
      isSuspended: false,
    };
  });
  return {
    users,
    tokens: [],
    notes: [],
    files: [],
    requests: [],
    arrivals: [],
    consentViews: [],
    signedInUsername: users[0]!.username,
  };
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve(undefined);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function toRequest(req: IncomingMessage, url: URL, body: Buffer): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, { method, headers, ...(hasBody ? { body: new Uint8Array(body) } : {}) });
}

async function send(res: ServerResponse, response: Response, headOnly: boolean): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (response.status !== 204) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(headOnly || response.status === 204 ? undefined : body);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function handle(
  rt: Runtime,
  control: ServerControl,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', rt.baseUrl);
  const path = url.pathname;
  const body = await readBody(req, rt.options.maxFileSize + 1024 * 1024);
  if (!body) {
    res
      .writeHead(413, { 'content-type': 'text/html' })
      .end('<h1>413 Request Entity Too Large</h1>');
    return;
  }
  const request = toRequest(req, url, body);
  const isControl = path.startsWith('/__control/');
  let response = preflight(request, path);
  if (!response && isControl) response = await controlRoute(rt, control, request, path);
  if (!response) {
    if (request.method !== 'OPTIONS') rt.state.arrivals.push({ method: request.method, path });
    const wait = rt.faults.takeDelay(path);
    if (wait > 0) await sleep(wait);
    response = rt.faults.takeFailure(path);
  }
  response ??= await route(rt, request, path, req.socket.remoteAddress ?? '127.0.0.1');

  if (corsPath(path)) {
    response.headers.set('access-control-allow-origin', '*');
    if (path.startsWith('/api/')) {
      response.headers.set('cache-control', 'private, max-age=0, must-revalidate');
    }
  }
  const dropped = !isControl && request.method !== 'OPTIONS' && rt.faults.takeDrop(path);
  if (!isControl) {
    rt.state.requests.push({
      method: request.method,
      path,
      status: response.status,
      dropped,
      time: new Date().toISOString(),
    });
  }
  // The work is done and stored; the answer is lost, as when a worker dies mid-request.
  if (dropped) req.socket.destroy();
  else await send(res, response, request.method === 'HEAD');
}

/** Starts a Misskey API test server on 127.0.0.1. */
export async function startMisskeyServer(
  options: MisskeyServerOptions = {},
): Promise<MisskeyServer> {
  const resolved = resolveOptions(options);
  const rt: Runtime = {
    options: resolved,
    state: createState(resolved),
    faults: new Faults(),
    limiter: new RateLimiter(),
    baseUrl: '',
    host: '',
  };
  const control = createControl(rt);
  const server = createServer((req, res) => {
    handle(rt, control, req, res).catch((error: unknown) => {
      console.error('[misskey test server]', error);
      if (!res.headersSent)
        res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  rt.host = `127.0.0.1:${port}`;
  rt.baseUrl = `http://${rt.host}`;

  let closing: Promise<void> | undefined;
  return {
    url: rt.baseUrl,
    state: rt.state,
    control,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
