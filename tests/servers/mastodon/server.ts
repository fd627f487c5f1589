import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Hono, type Context } from 'hono';
import { BodyTooLargeError, readBodyLimited } from '../shared/body';
import { serveOnLoopback, type NodeEnv } from '../shared/serve';
import { findToken } from './auth';
import { createControl, controlRoutes } from './control';
import { corsHeaders, preflight } from './cors';
import { Faults } from './faults';
import {
  header,
  json,
  jsonError,
  wantsJson,
  HttpError,
  type Ctx,
  type Handler,
  type Reply,
} from './http';
import { vapidKey } from './ids';
import { BodyParseError, parseParams, type Params } from './multipart';
import { RateLimiter, throttledReply } from './ratelimit';
import type { Runtime } from './runtime';
import { mountRoutes, notFound, type Route } from './router';
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What the pipeline knows about a request before its route runs. */
interface Pending {
  ctx: Ctx;
  isControl: boolean;
  rateHeaders: Record<string, string>;
}

type MastodonEnv = NodeEnv & { Variables: { pending: Pending } };

/** Runs a route, turning thrown HttpErrors and parse failures into answers. */
async function run(handler: Handler, ctx: Ctx): Promise<Reply> {
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

/** The Response for a Reply, with the headers every answer gets; logs API requests. */
function finish(rt: Runtime, pending: Pending, reply: Reply): Response {
  const { ctx } = pending;
  const headers: Record<string, string> = {
    ...reply.headers,
    ...pending.rateHeaders,
    ...corsHeaders(ctx),
    'x-request-id': randomUUID(),
  };
  if (ctx.path.startsWith('/api/') && !headers['cache-control']) {
    headers['cache-control'] = 'private, no-store';
  }
  const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
  headers['content-length'] = String(body.length);
  if (!pending.isControl) {
    rt.state.requests.push({
      method: ctx.method,
      path: ctx.path,
      status: reply.status,
      idempotencyKey: header(ctx.headers, 'idempotency-key') ?? null,
      time: new Date().toISOString(),
    });
  }
  // A HEAD answer keeps the GET answer's headers; Hono drops the body.
  return new Response(new Uint8Array(body), { status: reply.status, headers });
}

/** Paths where a Rails error page would be JSON: the API, OAuth's token endpoints, well-known documents. */
const API_LIKE = /^\/(api\/|oauth\/(token|revoke)$|\.well-known\/)/;

/** Reads the request and answers what comes before routing: size, preflight, faults, rate limit. */
async function begin(
  rt: Runtime,
  raw: Request,
  headers: IncomingHttpHeaders,
): Promise<{ pending: Pending; early?: Reply }> {
  const url = new URL(raw.url);
  const method = raw.method === 'HEAD' ? 'GET' : raw.method.toUpperCase();
  const path = url.pathname;
  const isControl = path.startsWith('/__control/');
  let body: Buffer = Buffer.alloc(0);
  let tooLarge = false;
  try {
    body = await readBodyLimited(raw, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    tooLarge = true;
  }
  let parsed: Promise<Params> | undefined;
  const ctx: Ctx = {
    rt,
    method,
    url,
    path,
    headers,
    body,
    match: [],
    params: () => (parsed ??= parseParams(url, header(headers, 'content-type'), body)),
  };
  const pending: Pending = { ctx, isControl, rateHeaders: {} };
  if (tooLarge) return { pending, early: jsonError(413, 'Request Entity Too Large') };

  const preflightReply = preflight(ctx);
  if (preflightReply) return { pending, early: preflightReply };
  if (isControl) return { pending };
  const wait = rt.faults.takeDelay(path);
  if (wait > 0) await sleep(wait);
  const apiLike = API_LIKE.test(path);
  const failure = rt.faults.takeFailure(method, path, apiLike || wantsJson(ctx));
  if (failure) return { pending, early: failure };
  if (path.startsWith('/api/')) {
    const token = findToken(rt, ctx);
    if (token && !token.revokedAt) {
      const hit = rt.rateLimiter.hit(token.token);
      pending.rateHeaders = hit.headers;
      if (hit.limited) return { pending, early: throttledReply(hit.headers) };
    }
  }
  return { pending };
}

/** Mastodon's routes on Hono, behind the pipeline a Rails server runs them in. */
function createApp(rt: Runtime, control: Route[]): Hono<MastodonEnv> {
  const app = new Hono<MastodonEnv>();
  app.use('*', async (c, next) => {
    const { pending, early } = await begin(rt, c.req.raw, c.env.incoming.headers);
    if (early) return finish(rt, pending, early);
    c.set('pending', pending);
    await next();
  });
  const answer = async (c: Context<MastodonEnv>, handler: Handler, match: string[]) => {
    const pending = c.get('pending');
    pending.ctx.match = match;
    const reply = await run(handler, pending.ctx);
    if (pending.isControl) return finish(rt, pending, reply);
    // A lost-answer fault lets the work happen, then drops what the server would have said.
    const { method, path } = pending.ctx;
    const apiLike = API_LIKE.test(path);
    return finish(
      rt,
      pending,
      rt.faults.takeLostAnswer(method, path, apiLike || wantsJson(pending.ctx)) ?? reply,
    );
  };
  // Control routes first: an API route never shadows them, whatever it matches.
  mountRoutes(app, control, answer);
  mountRoutes(app, ROUTES, answer);
  app.notFound((c) => {
    const pending = c.get('pending');
    return finish(rt, pending, notFound(pending.ctx));
  });
  app.onError((error, c) => {
    console.error('[mastodon test server]', error);
    const pending = c.get('pending');
    const reply = jsonError(500, 'Internal Server Error');
    return pending ? finish(rt, pending, reply) : new Response(String(reply.body), { status: 500 });
  });
  return app;
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
  const server = await serveOnLoopback(createApp(rt, controlRoutes(control)), resolved.port);
  rt.host = server.host;
  rt.baseUrl = server.url;

  return {
    url: rt.baseUrl,
    state: rt.state,
    control,
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return server.close();
    },
  };
}
