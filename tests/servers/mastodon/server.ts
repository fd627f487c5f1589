import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { findToken } from './auth';
import { createControl, controlRoutes } from './control';
import { corsHeaders, preflight } from './cors';
import { Faults } from './faults';
import { header, json, jsonError, wantsJson, HttpError, type Ctx, type Reply } from './http';
import { vapidKey } from './ids';
import { BodyParseError, parseParams, type Params } from './multipart';
import { RateLimiter, throttledReply } from './ratelimit';
import type { Runtime } from './runtime';
import { findRoute, notFound, type Route } from './router';
import { accountRoutes } from './routes/accounts';
import { appRoutes } from './routes/apps';
import { instanceRoutes } from './routes/instance';
import { mediaRoutes } from './routes/media';
import { nodeinfoRoutes } from './routes/nodeinfo';
import { rulesOf } from './flavors';
import { oauthRoutes } from './routes/oauth';
import { scheduledRoutes } from './routes/scheduled';
import { statusRoutes } from './routes/statuses';
import { webRoutes } from './routes/web';
import type {
  AccountRecord,
  MastodonServer,
  MastodonServerOptions,
  ResolvedOptions,
  ServerState,
} from './types';

/** nginx's client_max_body_size in Mastodon's sample config. */
const MAX_BODY_BYTES = 99 * 1024 * 1024 + 16 * 1024 * 1024;

const ROUTES: Route[] = [
  ...oauthRoutes,
  ...appRoutes,
  ...instanceRoutes,
  ...accountRoutes,
  ...statusRoutes,
  ...scheduledRoutes,
  ...mediaRoutes,
  ...webRoutes,
  ...nodeinfoRoutes,
];

function resolveOptions(options: MastodonServerOptions): ResolvedOptions {
  const users = options.users && options.users.length > 0 ? options.users : undefined;
  const flavor = options.flavor ?? 'mastodon';
  const rules = rulesOf(flavor);
  return {
    flavor,
    port: options.port ?? 0,
    users: users ?? [{ username: 'alice', displayName: 'Alice Sandbox' }],
    maxCharacters: options.maxCharacters ?? rules.maxCharacters,
    maxMediaAttachments: options.maxMediaAttachments ?? rules.maxMediaAttachments,
    charactersReservedPerUrl: options.charactersReservedPerUrl ?? 23,
    autoApprove: options.autoApprove ?? false,
    instanceV2: options.instanceV2 ?? true,
    mediaProcessingPolls: Math.max(0, Math.floor(options.mediaProcessingPolls ?? 0)),
    title: options.title ?? 'Mastodon Sandbox',
  };
}

function createState(options: ResolvedOptions): ServerState {
  const accounts: AccountRecord[] = [];
  const joined = new Date(Date.UTC(2024, 0, 15, 9, 30));
  for (const user of options.users) {
    if (!/^[a-z0-9_]+$/i.test(user.username)) {
      throw new Error(`"${user.username}" is not a valid Mastodon username`);
    }
    const account: AccountRecord = {
      // Fixed ids, so the same options give the same accounts in every run.
      id: ((BigInt(joined.getTime()) << 16n) + BigInt(accounts.length)).toString(),
      username: user.username,
      displayName: user.displayName,
      note: user.note ?? '',
      defaultPrivacy: user.defaultPrivacy ?? 'public',
      createdAt: joined,
    };
    accounts.push(account);
  }
  return {
    accounts,
    apps: [],
    grants: [],
    tokens: [],
    statuses: [],
    scheduledStatuses: [],
    media: [],
    requests: [],
    idempotency: new Map(),
    signedInUsername: options.users[0]?.username ?? 'alice',
  };
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function send(res: ServerResponse, reply: Reply, headOnly: boolean): void {
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  res.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length) });
  res.end(headOnly ? undefined : body);
}

/** Runs a route, turning thrown HttpErrors and parse failures into answers. */
async function run(handler: Route['handler'], ctx: Ctx): Promise<Reply> {
  try {
    return await handler(ctx);
  } catch (error) {
    if (error instanceof HttpError) return error.reply;
    if (error instanceof BodyParseError) return jsonError(400, error.message);
    console.error('[mastodon test server]', error);
    return wantsJson(ctx)
      ? json(500, { status: 500, error: 'Internal Server Error' })
      : { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error' };
  }
}

async function handle(
  rt: Runtime,
  control: Route[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', rt.baseUrl);
  const headOnly = req.method === 'HEAD';
  const method = headOnly ? 'GET' : (req.method ?? 'GET').toUpperCase();
  const path = url.pathname;
  const base = { method, path, headers: req.headers };
  const isControl = path.startsWith('/__control/');
  let body: Buffer;
  try {
    body = await readBody(req);
  } catch {
    send(res, jsonError(413, 'Request Entity Too Large'), false);
    return;
  }

  let parsed: Promise<Params> | undefined;
  const ctx: Ctx = {
    rt,
    method,
    url,
    path,
    headers: req.headers,
    body,
    match: [],
    params: () => (parsed ??= parseParams(url, header(req.headers, 'content-type'), body)),
  };

  let reply = preflight(base);
  let rateHeaders: Record<string, string> = {};
  if (!reply && !isControl) {
    const wait = rt.faults.takeDelay(path);
    if (wait > 0) await sleep(wait);
    const apiLike = /^\/(api\/|oauth\/(token|revoke)$|\.well-known\/)/.test(path);
    reply = rt.faults.takeFailure(method, path, apiLike || wantsJson(ctx));
  }
  if (!reply && !isControl && path.startsWith('/api/')) {
    const token = findToken(rt, ctx);
    if (token && !token.revokedAt) {
      const hit = rt.rateLimiter.hit(token.token);
      rateHeaders = hit.headers;
      if (hit.limited) reply = throttledReply(hit.headers);
    }
  }
  if (!reply) {
    const found = findRoute(isControl ? control : ROUTES, method, path);
    if (found) {
      ctx.match = found.match;
      reply = await run(found.route.handler, ctx);
      if (!isControl) {
        const apiLike = /^\/(api\/|oauth\/(token|revoke)$|\.well-known\/)/.test(path);
        reply = rt.faults.takeLostAnswer(method, path, apiLike || wantsJson(ctx)) ?? reply;
      }
    } else {
      reply = notFound(ctx);
    }
  }

  const headers: Record<string, string> = {
    ...reply.headers,
    ...rateHeaders,
    ...corsHeaders(base),
    'x-request-id': randomUUID(),
  };
  if (path.startsWith('/api/') && !headers['cache-control']) {
    headers['cache-control'] = 'private, no-store';
  }
  const idempotencyKey = header(req.headers, 'idempotency-key');
  send(res, { ...reply, headers }, headOnly);
  if (!isControl) {
    rt.state.requests.push({
      method,
      path,
      status: reply.status,
      idempotencyKey: idempotencyKey ?? null,
      time: new Date().toISOString(),
    });
  }
}

/** Starts a Mastodon API test server on 127.0.0.1. */
export async function startMastodonServer(
  options: MastodonServerOptions = {},
): Promise<MastodonServer> {
  const resolved = resolveOptions(options);
  const timers = new Set<NodeJS.Timeout>();
  const rt: Runtime = {
    options: resolved,
    state: createState(resolved),
    faults: new Faults(),
    rateLimiter: new RateLimiter(),
    baseUrl: '',
    host: '',
    vapidKey: vapidKey(),
    schedule(at, task) {
      // setTimeout takes at most ~24.8 days; later posts are re-armed in steps.
      const arm = (): void => {
        const wait = Math.min(Math.max(0, at.getTime() - Date.now()), 2 ** 31 - 1);
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (Date.now() >= at.getTime()) task();
          else arm();
        }, wait);
        timer.unref();
        timers.add(timer);
      };
      arm();
    },
  };
  const control = createControl(rt);
  const controlRouteList = controlRoutes(control);
  const server = createServer((req, res) => {
    handle(rt, controlRouteList, req, res).catch((error: unknown) => {
      console.error('[mastodon test server]', error);
      if (!res.headersSent) send(res, jsonError(500, 'Internal Server Error'), false);
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
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
