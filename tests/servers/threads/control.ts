import type { Hono } from 'hono';
import type { NodeEnv } from '../shared/serve';
import { appById, now, type Runtime } from './runtime';
import type { FailRule, ThreadsControl } from './types';

/** The switches tests and the sandbox use to steer the server. */
export function createControl(rt: Runtime): ThreadsControl {
  return {
    advanceClock(ms) {
      rt.clockOffsetMs += ms;
    },
    now: () => now(rt),
    fail(rule: FailRule) {
      rt.failures.push({ ...rule, times: rule.times ?? 1 });
    },
    dropAnswer(rule) {
      rt.drops.push({ ...rule, times: rule.times ?? 1 });
    },
    delay(rule) {
      rt.delays.push({ ...rule, times: rule.times ?? 1 });
    },
    failProcessing(errorMessage, times = 1) {
      for (let index = 0; index < times; index += 1) rt.processingFailures.push(errorMessage);
    },
    revokeTokens(username) {
      const user = username ? rt.state.users.find((item) => item.username === username) : undefined;
      if (username && !user) throw new Error(`no user named ${username}`);
      let revoked = 0;
      for (const token of rt.state.tokens) {
        if (token.revoked || (user && token.userId !== user.id)) continue;
        token.revoked = true;
        revoked += 1;
      }
      return revoked;
    },
    setSignedInUser(username) {
      if (!rt.state.users.some((user) => user.username === username)) {
        throw new Error(`no user named ${username}`);
      }
      rt.state.signedInUsername = username;
    },
    addRedirectUri(appId, uri) {
      const app = appById(rt, appId);
      if (!app) throw new Error(`no app ${appId}`);
      if (!app.redirectUris.includes(uri)) app.redirectUris.push(uri);
    },
    setTester(appId, username, tester) {
      const app = appById(rt, appId);
      if (!app) throw new Error(`no app ${appId}`);
      app.testers = app.testers.filter((name) => name !== username);
      if (tester) app.testers.push(username);
    },
    reset() {
      rt.failures.length = 0;
      rt.drops.length = 0;
      rt.delays.length = 0;
      rt.processingFailures.length = 0;
    },
  };
}

function usernameOf(rt: Runtime, id: string): string | null {
  return rt.state.users.find((user) => user.id === id)?.username ?? null;
}

/** The recorded data, as plain JSON for tests in another process. */
function views(rt: Runtime): Record<string, () => unknown> {
  return {
    posts: () =>
      rt.state.media.map((media) => ({
        id: media.id,
        username: usernameOf(rt, media.userId),
        containerId: media.containerId,
        mediaType: media.mediaType,
        text: media.text,
        imageUrls: media.imageUrls,
        altTexts: media.altTexts,
        linkAttachment: media.linkAttachment ?? null,
        replyToId: media.replyToId ?? null,
        deleted: media.deleted,
        createdAt: new Date(media.createdAt).toISOString(),
      })),
    containers: () =>
      rt.state.containers.map((container) => ({
        id: container.id,
        username: usernameOf(rt, container.userId),
        mediaType: container.mediaType,
        status: container.status,
        text: container.text,
        imageUrl: container.imageUrl ?? null,
        replyToId: container.replyToId ?? null,
      })),
    tokens: () =>
      rt.state.tokens.map((token) => ({
        username: usernameOf(rt, token.userId),
        appId: token.appId,
        kind: token.kind,
        scopes: token.scopes,
        issuedAt: new Date(token.issuedAt).toISOString(),
        expiresAt: new Date(token.expiresAt).toISOString(),
        revoked: token.revoked,
      })),
    requests: () => rt.state.requests,
    consent: () => ({ views: rt.state.consentViews }),
    clock: () => ({ now: now(rt), offsetMs: rt.clockOffsetMs }),
  };
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new Error(`${name} must be a string`);
  return value;
}

function count(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`${name} must be a number`);
  return value;
}

/** `GET /__control/<view>` reads, `POST /__control/<action>` steers. */
export function mountControl(app: Hono<NodeEnv>, rt: Runtime, control: ThreadsControl): void {
  const readable = views(rt);
  app.get('/__control/:name', (c) => {
    const view = readable[c.req.param('name')];
    return view ? c.json(view()) : c.json({ error: 'no such view' }, 404);
  });
  app.post('/__control/:name', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
    try {
      switch (c.req.param('name')) {
        case 'clock':
          control.advanceClock(count(body.advanceMs, 'advanceMs'));
          return c.json({ now: control.now() });
        case 'fail':
          control.fail({
            path: text(body.path, 'path'),
            status: count(body.status, 'status'),
            code: count(body.code, 'code'),
            ...(typeof body.method === 'string' && { method: body.method }),
            ...(typeof body.subcode === 'number' && { subcode: body.subcode }),
            ...(typeof body.message === 'string' && { message: body.message }),
            ...(typeof body.times === 'number' && { times: body.times }),
          });
          return c.json({ ok: true });
        case 'drop':
          control.dropAnswer({
            path: text(body.path, 'path'),
            ...(typeof body.method === 'string' && { method: body.method }),
            ...(typeof body.times === 'number' && { times: body.times }),
          });
          return c.json({ ok: true });
        case 'delay':
          control.delay({
            path: text(body.path, 'path'),
            ms: count(body.ms, 'ms'),
            ...(typeof body.method === 'string' && { method: body.method }),
            ...(typeof body.times === 'number' && { times: body.times }),
          });
          return c.json({ ok: true });
        case 'fail-processing':
          control.failProcessing(
            text(body.errorMessage, 'errorMessage'),
            typeof body.times === 'number' ? body.times : 1,
          );
          return c.json({ ok: true });
        case 'revoke':
          return c.json({
            revoked: control.revokeTokens(
              typeof body.username === 'string' ? body.username : undefined,
            ),
          });
        case 'sign-in':
          control.setSignedInUser(text(body.username, 'username'));
          return c.json({ ok: true });
        case 'redirect-uri':
          control.addRedirectUri(text(body.appId, 'appId'), text(body.uri, 'uri'));
          return c.json({ ok: true });
        case 'tester':
          control.setTester(
            text(body.appId, 'appId'),
            text(body.username, 'username'),
            body.tester !== false,
          );
          return c.json({ ok: true });
        case 'reset':
          control.reset();
          return c.json({ ok: true });
        default:
          return c.json({ error: 'no such action' }, 404);
      }
    } catch (error) {
      return c.json({ error: error instanceof Error ? error.message : String(error) }, 400);
    }
  });
}
