import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { serveOnLoopback, type NodeEnv } from '../shared/serve';
import { authenticate, localClient, token } from './auth';
import { controlRoute, createControl } from './control';
import { Faults } from './faults';
import { json, problem, ProblemError } from './problem';
import type { Resolved, Runtime } from './runtime';
import { cancelUpload, initUpload, putChunk } from './upload';
import { accountChannels, categories, config, languages, me, privacies, quota } from './users';
import { deleteVideo, getVideo } from './videos';
import type { PeerTubeServer, PeerTubeServerOptions, ServerState, UserRecord } from './types';

function resolve(options: PeerTubeServerOptions): Resolved {
  return {
    name: options.name ?? 'PeerTube Sandbox',
    transcodeMs: Math.max(0, options.transcodeMs ?? 0),
    extensions: options.extensions ?? [],
    accessTokenLifetime: options.accessTokenLifetime ?? 86_400,
    refreshTokenLifetime: options.refreshTokenLifetime ?? 1_209_600,
    maxFileSize: options.maxFileSize ?? -1,
    maxChunkSize: Math.max(0, options.maxChunkSize ?? 0),
  };
}

function createState(options: PeerTubeServerOptions): ServerState {
  const specs = options.users?.length
    ? options.users
    : [{ username: 'alice', password: 'alice-password', displayName: 'Alice Sandbox' }];
  const state: ServerState = {
    users: [],
    channels: [],
    tokens: [],
    uploads: new Map(),
    videos: [],
    ranges: [],
    requests: [],
    client: { id: randomBytes(16).toString('hex'), secret: randomBytes(16).toString('hex') },
  };
  for (const [index, spec] of specs.entries()) {
    if (!/^[a-z0-9._]{1,50}$/.test(spec.username))
      throw new Error(`"${spec.username}" is not a valid PeerTube username`);
    const user: UserRecord = {
      id: index + 1,
      accountId: index + 1,
      username: spec.username,
      password: spec.password,
      displayName: spec.displayName ?? spec.username,
      otp: spec.otp,
      videoQuota: spec.videoQuota ?? -1,
      videoQuotaDaily: spec.videoQuotaDaily ?? -1,
    };
    state.users.push(user);
    const channels = spec.channels?.length
      ? spec.channels
      : [{ name: `${spec.username}_channel`, displayName: `Main ${spec.username} channel` }];
    for (const channel of channels) {
      state.channels.push({
        id: state.channels.length + 1,
        name: channel.name,
        displayName: channel.displayName,
        userId: user.id,
      });
    }
  }
  return state;
}

type Env = NodeEnv;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** PeerTube's CORS (the `cors` package on /api): any origin, and only Retry-After exposed. */
function withCors(response: Response, path: string): Response {
  if (!path.startsWith('/api/')) return response;
  const headers = new Headers(response.headers);
  headers.set('access-control-allow-origin', '*');
  headers.set('access-control-expose-headers', 'Retry-After');
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

async function formOf(c: Context<Env>): Promise<URLSearchParams> {
  return new URLSearchParams(await c.req.text());
}

async function jsonOf(c: Context<Env>): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // Reported below as PeerTube's body parser does.
  }
  throw new ProblemError(400, 'Bad Request');
}

/** The API routes; each returns a Response or 'cut' when it dropped the connection itself. */
function routes(rt: Runtime): Hono<Env> {
  const app = new Hono<Env>();
  const user = (c: Context<Env>) => authenticate(rt, c.req.header('authorization'));
  app.get('/api/v1/oauth-clients/local', () => localClient(rt));
  app.post('/api/v1/users/token', async (c) =>
    token(rt, c.req.header('content-type') ?? '', await formOf(c), c.req.header('x-peertube-otp')),
  );
  app.post('/api/v1/users/revoke-token', (c) => {
    const found = rt.state.tokens.find(
      (item) => `Bearer ${item.accessToken}` === c.req.header('authorization'),
    );
    user(c);
    if (found) found.revoked = true;
    return json({});
  });
  app.get('/api/v1/users/me', (c) => me(rt, user(c)));
  app.get('/api/v1/users/me/video-quota-used', (c) => quota(rt, user(c)));
  app.get('/api/v1/accounts/:name/video-channels', (c) => accountChannels(rt, c.req.param('name')));
  app.get('/api/v1/config', () => config(rt));
  app.get('/api/v1/videos/categories', () => categories());
  app.get('/api/v1/videos/languages', () => languages());
  app.get('/api/v1/videos/privacies', () => privacies());
  app.post('/api/v1/videos/upload-resumable', async (c) =>
    initUpload(
      rt,
      user(c),
      {
        length: c.req.header('x-upload-content-length'),
        type: c.req.header('x-upload-content-type'),
      },
      await jsonOf(c),
    ),
  );
  app.put('/api/v1/videos/upload-resumable', async (c) => {
    let who: UserRecord;
    try {
      who = user(c);
    } catch (error) {
      c.env.incoming.resume();
      throw error;
    }
    const answer = await putChunk(rt, who, {
      uploadId: c.req.query('upload_id'),
      contentRange: c.req.header('content-range'),
      contentLength: c.req.header('content-length'),
      incoming: c.env.incoming,
    });
    if (answer === 'cut') return new Response(null, { status: 499 });
    return answer;
  });
  app.delete('/api/v1/videos/upload-resumable', (c) =>
    cancelUpload(rt, user(c), c.req.query('upload_id')),
  );
  app.get('/api/v1/videos/:id', (c) =>
    getVideo(rt, c.req.param('id'), c.req.header('authorization')),
  );
  app.delete('/api/v1/videos/:id', (c) => deleteVideo(rt, c.req.param('id'), user(c).id));
  app.onError((error) => {
    if (error instanceof ProblemError) return problem(error);
    console.error('[peertube test server]', error);
    return problem(new ProblemError(500, 'Internal Server Error'));
  });
  app.notFound(() => problem(new ProblemError(404, 'Not Found')));
  return app;
}

/** Starts a PeerTube API test server on 127.0.0.1. */
export async function startPeerTubeServer(
  options: PeerTubeServerOptions = {},
): Promise<PeerTubeServer> {
  const rt: Runtime = {
    options: resolve(options),
    state: createState(options),
    faults: new Faults(),
    baseUrl: '',
    host: '',
  };
  const control = createControl(rt);
  const api = routes(rt);
  const app = new Hono<Env>();
  app.all('*', async (c) => {
    const path = c.req.path;
    const method = c.req.method;
    if (path.startsWith('/__control/')) {
      try {
        const body = method === 'POST' ? await jsonOf(c) : {};
        return json(
          controlRoute(rt, control, path.slice('/__control/'.length), body) ?? { ok: true },
        );
      } catch (error) {
        return json({ error: error instanceof Error ? error.message : String(error) }, 400);
      }
    }
    if (method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET,HEAD,PUT,PATCH,POST,DELETE',
          'access-control-allow-headers': c.req.header('access-control-request-headers') ?? '',
          'access-control-max-age': '86400',
        },
      });
    }
    const wait = rt.faults.takeDelay(method, path);
    if (wait > 0) await sleep(wait);
    const forced = rt.faults.takeFailure(method, path);
    if (forced && method === 'PUT') c.env.incoming.resume();
    const response = forced ?? (await api.fetch(c.req.raw, c.env));
    const cut = response.status === 499;
    const dropped = !cut && rt.faults.takeDrop(method, path);
    rt.state.requests.push({
      method,
      path,
      status: response.status,
      ...(c.req.header('content-range') !== undefined && {
        contentRange: c.req.header('content-range'),
      }),
      dropped: cut || dropped,
      answeredAt: Date.now(),
    });
    // The work is done and stored; the answer is lost, as when a connection dies.
    if (dropped) c.env.incoming.socket.destroy();
    return withCors(response, path);
  });
  const server = await serveOnLoopback(app, options.port ?? 0);
  rt.baseUrl = server.url;
  rt.host = server.host;
  return { url: server.url, state: rt.state, control, close: () => server.close() };
}
