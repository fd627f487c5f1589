import { Hono } from 'hono';
import { serveOnLoopback, type NodeEnv } from '../shared/serve';
import { mountControl, createControl } from './control';
import { MetaError, metaErrorResponse } from './errors';
import { mountGraph } from './graph';
import { mountOAuth } from './oauth';
import { escapeHtml } from './params';
import type { Runtime } from './runtime';
import type { ServerState, ThreadsControl, ThreadsServer, ThreadsServerOptions } from './types';

/** The app the sandbox and the tests connect with unless they bring their own. */
export const SANDBOX_APP = {
  appId: '990602627938098',
  secret: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  facebookAppId: '1234567890123456',
} as const;

function createState(options: ThreadsServerOptions): ServerState {
  const users = (
    options.users?.length ? options.users : [{ username: 'alice', name: 'Alice Sandbox' }]
  ).map((user, index) => ({
    id: String(25_000_000_000_000_000n + BigInt(index) * 7919n),
    username: user.username,
    name: user.name ?? user.username,
  }));
  return {
    apps: options.apps ?? [
      { ...SANDBOX_APP, redirectUris: [], testers: users.map((user) => user.username) },
    ],
    users,
    codes: [],
    tokens: [],
    containers: [],
    media: [],
    requests: [],
    signedInUsername: users[0]!.username,
    consentViews: 0,
  };
}

/** A 1×1 PNG for profile pictures. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function matches(rule: { path: string; method?: string }, method: string, path: string): boolean {
  return path.includes(rule.path) && (!rule.method || rule.method.toUpperCase() === method);
}

function take<T extends { times: number; path: string; method?: string }>(
  list: T[],
  method: string,
  path: string,
): T | undefined {
  const index = list.findIndex((rule) => matches(rule, method, path));
  const rule = list[index];
  if (!rule) return undefined;
  rule.times -= 1;
  if (rule.times <= 0) list.splice(index, 1);
  return rule;
}

function isControl(path: string): boolean {
  return path.startsWith('/__control/');
}

function createApp(rt: Runtime, control: ThreadsControl): Hono<NodeEnv> {
  const app = new Hono<NodeEnv>();
  app.use('*', async (c, next) => {
    const path = new URL(c.req.url).pathname;
    const method = c.req.method;
    if (method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, POST, DELETE',
          'access-control-allow-headers': 'authorization, content-type',
        },
      });
    }
    const delay = isControl(path) ? undefined : take(rt.delays, method, path);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay.ms));
    const failure = isControl(path) ? undefined : take(rt.failures, method, path);
    if (failure) {
      c.res = metaErrorResponse({
        status: failure.status,
        code: failure.code,
        message:
          failure.message ?? 'An unexpected error has occurred. Please retry your request later.',
        ...(failure.subcode !== undefined && { subcode: failure.subcode }),
      });
    } else {
      await next();
    }
    // Graph answers any origin; the extension calls it from its background.
    c.res.headers.set('access-control-allow-origin', '*');
    if (!isControl(path)) {
      rt.state.requests.push({
        method,
        path,
        status: c.res.status,
        time: new Date().toISOString(),
      });
      // The work is done and stored; the answer is lost, as when a worker dies mid-request.
      if (take(rt.drops, method, path)) c.env.incoming.socket.destroy();
    }
  });
  app.onError((error) => {
    if (error instanceof MetaError) return metaErrorResponse(error.spec);
    console.error('[threads test server]', error);
    return metaErrorResponse({
      status: 500,
      code: 2,
      message: 'An unexpected error has occurred. Please retry your request later.',
    });
  });
  mountControl(app, rt, control);
  app.get(
    '/avatars/:file',
    () => new Response(PIXEL, { headers: { 'content-type': 'image/png' } }),
  );
  app.get('/:handle/post/:id', (c) => {
    const media = rt.state.media.find((item) => item.id === c.req.param('id') && !item.deleted);
    if (!media) return c.html('<h1>Not found</h1>', 404);
    return c.html(
      `<!doctype html><title>Threads</title><main><p>${escapeHtml(media.text)}</p></main>`,
    );
  });
  mountOAuth(app, rt);
  mountGraph(app, rt);
  return app;
}

/** Starts a Threads API test server on 127.0.0.1; see ThreadsServerOptions. */
export async function startThreadsServer(
  options: ThreadsServerOptions = {},
): Promise<ThreadsServer> {
  const rt: Runtime = {
    state: createState(options),
    processingPolls: Math.max(0, Math.floor(options.processingPolls ?? 1)),
    postQuota: options.postQuota ?? 250,
    replyQuota: options.replyQuota ?? 1000,
    autoApprove: options.autoApprove ?? false,
    clockOffsetMs: 0,
    failures: [],
    drops: [],
    delays: [],
    processingFailures: [],
    baseUrl: '',
    nextId: 17_840_000_000_000_000n,
  };
  const control = createControl(rt);
  const loopback = await serveOnLoopback(createApp(rt, control), options.port ?? 0);
  rt.baseUrl = loopback.url;
  return { url: loopback.url, state: rt.state, control, close: () => loopback.close() };
}
