import { controlError } from './faults';
import { jsonResponse } from './errors';
import { byId, userByUsername, type Runtime } from './runtime';
import type { DelayRule, DropRule, FailRule, LimitRule, ServerControl } from './types';

/** The switches tests (and the sandbox) use to steer the server. */
export function createControl(rt: Runtime): ServerControl {
  const user = (username: string) => {
    const found = userByUsername(rt, username);
    if (!found) throw new Error(`no user named ${username}`);
    return found;
  };
  return {
    fail: (rule) => rt.faults.fail(rule),
    delay: (rule) => rt.faults.delay(rule),
    dropAnswer: (rule) => rt.faults.dropAnswer(rule),
    setRateLimit: (endpoint, rule) => rt.limiter.set(endpoint, rule),
    suspend(username, suspended = true) {
      user(username).isSuspended = suspended;
    },
    revokeTokens(username) {
      const owner = username === undefined ? undefined : user(username);
      let revoked = 0;
      for (const token of rt.state.tokens) {
        if (token.revoked || (owner && token.userId !== owner.id)) continue;
        token.revoked = true;
        revoked += 1;
      }
      return revoked;
    },
    setSignedInUser(username) {
      rt.state.signedInUsername = user(username).username;
    },
    reset() {
      rt.faults.reset();
      rt.limiter.reset();
    },
  };
}

const usernameOf = (rt: Runtime, id: string): string | null =>
  byId(rt.state.users, id)?.username ?? null;

function notesView(rt: Runtime) {
  return rt.state.notes.map((note) => ({
    id: note.id,
    username: usernameOf(rt, note.userId),
    text: note.text,
    cw: note.cw,
    visibility: note.visibility,
    localOnly: note.localOnly,
    fileIds: note.fileIds,
    replyId: note.replyId,
    app: note.tokenId ? (byId(rt.state.tokens, note.tokenId)?.name ?? null) : null,
    createdAt: note.createdAt.toISOString(),
    deletedAt: note.deletedAt?.toISOString() ?? null,
  }));
}

function filesView(rt: Runtime) {
  return rt.state.files.map((file) => ({
    id: file.id,
    username: usernameOf(rt, file.userId),
    name: file.name,
    type: file.type,
    size: file.size,
    md5: file.md5,
    comment: file.comment,
    isSensitive: file.isSensitive,
    width: file.width,
    height: file.height,
  }));
}

function tokensView(rt: Runtime) {
  return rt.state.tokens.map((token) => ({
    token: token.token,
    username: usernameOf(rt, token.userId),
    session: token.session,
    fetched: token.fetched,
    permission: token.permission,
    name: token.name,
    iconUrl: token.iconUrl,
    revoked: token.revoked,
  }));
}

async function input(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.trim() === '') return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('the body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function optionalText(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`${name} must be a string`);
  return value;
}

function number(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new Error(`${name} must be a number`);
  return value;
}

type Action = (body: Record<string, unknown>) => unknown;

function actions(control: ServerControl): Record<string, Action> {
  return {
    fail(body) {
      const rule: FailRule = { status: number(body.status, 'status') as FailRule['status'] };
      const path = optionalText(body.path, 'path');
      const times = number(body.times, 'times');
      if (path !== undefined) rule.path = path;
      if (times !== undefined) rule.times = times;
      control.fail(rule);
    },
    delay(body) {
      const rule: DelayRule = { ms: number(body.ms, 'ms') ?? 0 };
      const path = optionalText(body.path, 'path');
      const times = number(body.times, 'times');
      if (path !== undefined) rule.path = path;
      if (times !== undefined) rule.times = times;
      control.delay(rule);
    },
    'drop-answer'(body) {
      const rule: DropRule = { path: optionalText(body.path, 'path') ?? '' };
      const times = number(body.times, 'times');
      if (times !== undefined) rule.times = times;
      control.dropAnswer(rule);
    },
    'rate-limit'(body) {
      const endpoint = optionalText(body.endpoint, 'endpoint');
      if (!endpoint) throw new Error('endpoint is required');
      const rule: LimitRule = {
        duration: number(body.duration, 'duration') ?? 60 * 60_000,
        max: number(body.max, 'max') ?? 1,
      };
      const minInterval = number(body.minInterval, 'minInterval');
      if (minInterval !== undefined) rule.minInterval = minInterval;
      control.setRateLimit(endpoint, rule);
    },
    suspend(body) {
      const username = optionalText(body.username, 'username');
      if (!username) throw new Error('username is required');
      control.suspend(username, body.suspended !== false);
    },
    revoke: (body) => ({ revoked: control.revokeTokens(optionalText(body.username, 'username')) }),
    'signed-in-user'(body) {
      const username = optionalText(body.username, 'username');
      if (!username) throw new Error('username is required');
      control.setSignedInUser(username);
    },
    reset: () => control.reset(),
  };
}

/** The HTTP face of the control switches and of the recorded data, under /__control. */
export async function controlRoute(
  rt: Runtime,
  control: ServerControl,
  request: Request,
  path: string,
): Promise<Response> {
  const name = path.slice('/__control/'.length);
  if (request.method === 'GET') {
    const views: Record<string, () => unknown> = {
      notes: () => notesView(rt),
      files: () => filesView(rt),
      tokens: () => tokensView(rt),
      requests: () => rt.state.requests,
      arrivals: () => rt.state.arrivals,
      'consent-views': () => rt.state.consentViews,
    };
    const view = views[name];
    return view ? jsonResponse(200, view()) : controlError(`no control view ${name}`);
  }
  const action = actions(control)[name];
  if (request.method !== 'POST' || !action) return controlError(`no control action ${name}`);
  try {
    return jsonResponse(200, action(await input(request)) ?? { ok: true });
  } catch (error) {
    return controlError(error instanceof Error ? error.message : String(error));
  }
}
