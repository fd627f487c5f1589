import { json, jsonError, type Ctx, type Reply } from './http';
import { publishScheduled } from './post-status';
import { byId, accountByUsername, type Runtime } from './runtime';
import { route, type Route } from './router';
import type { AnswerRule, DelayRule, FailRule, MediaRecord, Quirks, ServerControl } from './types';

/** The switches tests use, acting on one server's runtime. */
export function createControl(rt: Runtime): ServerControl {
  return {
    fail(rule: FailRule): void {
      rt.faults.fail(rule);
    },
    delay(rule: DelayRule): void {
      rt.faults.delay(rule);
    },
    answer(rule: AnswerRule): void {
      rt.faults.answer(rule);
    },
    quirks(quirks: Quirks): void {
      rt.faults.quirks = { ...rt.faults.quirks, ...quirks };
    },
    revokeAllTokens(username?: string): number {
      const account = username === undefined ? undefined : accountByUsername(rt, username);
      if (username !== undefined && !account) throw new Error(`no user named ${username}`);
      let revoked = 0;
      for (const token of rt.state.tokens) {
        if (token.revokedAt) continue;
        if (account && token.accountId !== account.id) continue;
        token.revokedAt = new Date();
        revoked += 1;
      }
      return revoked;
    },
    setSignedInUser(username: string): void {
      const account = accountByUsername(rt, username);
      if (!account) throw new Error(`no user named ${username}`);
      rt.state.signedInUsername = account.username;
    },
    expireTokens(username?: string): number {
      const account = username === undefined ? undefined : accountByUsername(rt, username);
      if (username !== undefined && !account) throw new Error(`no user named ${username}`);
      let expired = 0;
      for (const token of rt.state.tokens) {
        if (token.revokedAt || (account && token.accountId !== account.id)) continue;
        if (!token.accountId) continue;
        token.expiresAt = new Date(Date.now() - 1000);
        expired += 1;
      }
      return expired;
    },
    publishScheduledNow(id: string): string {
      const scheduled = rt.state.scheduledStatuses.find((item) => item.id === id);
      if (!scheduled || scheduled.cancelledAt || scheduled.publishedStatusId) {
        throw new Error(`no pending scheduled status ${id}`);
      }
      publishScheduled(rt, scheduled);
      return scheduled.publishedStatusId ?? '';
    },
    reset(): void {
      rt.faults.reset();
    },
  };
}

function usernameOf(rt: Runtime, accountId: string | null): string | null {
  return accountId ? (byId(rt.state.accounts, accountId)?.username ?? null) : null;
}

/** What tests check of an attachment: what it is and which bytes arrived. */
function mediaSummary(id: string, media: MediaRecord | undefined) {
  return {
    id,
    description: media?.description ?? null,
    type: media?.type ?? null,
    mimeType: media?.mimeType ?? null,
    size: media?.size ?? null,
    sha256: media?.sha256 ?? null,
  };
}

function statusesView(rt: Runtime): unknown[] {
  return rt.state.statuses.map((status) => ({
    id: status.id,
    username: usernameOf(rt, status.accountId),
    text: status.text,
    spoilerText: status.spoilerText,
    sensitive: status.sensitive,
    visibility: status.visibility,
    language: status.language,
    inReplyToId: status.inReplyToId,
    media: status.mediaIds.map((id) => mediaSummary(id, byId(rt.state.media, id))),
    mediaIds: status.mediaIds,
    application: status.appId ? (byId(rt.state.apps, status.appId)?.name ?? null) : null,
    idempotencyKey: status.idempotencyKey,
    createdAt: status.createdAt.toISOString(),
    deletedAt: status.deletedAt?.toISOString() ?? null,
  }));
}

function scheduledView(rt: Runtime): unknown[] {
  return rt.state.scheduledStatuses.map((item) => ({
    id: item.id,
    username: usernameOf(rt, item.accountId),
    text: item.params.text,
    spoilerText: item.params.spoiler_text,
    visibility: item.params.visibility,
    language: item.params.language,
    mediaIds: item.mediaIds,
    scheduledAt: item.scheduledAt.toISOString(),
    idempotencyKey: item.idempotencyKey,
    cancelledAt: item.cancelledAt?.toISOString() ?? null,
    publishedStatusId: item.publishedStatusId,
  }));
}

function mediaView(rt: Runtime): unknown[] {
  return rt.state.media.map((media) => ({
    ...mediaSummary(media.id, media),
    username: usernameOf(rt, media.accountId),
    width: media.width,
    height: media.height,
    focus: media.focus,
    statusId: media.statusId,
    processing: media.pollsRemaining > 0,
  }));
}

function appsView(rt: Runtime): unknown[] {
  return rt.state.apps.map((app) => ({
    id: app.id,
    name: app.name,
    website: app.website,
    redirectUris: app.redirectUris,
    scopes: app.scopes,
    clientId: app.clientId,
    createdAt: app.createdAt.toISOString(),
  }));
}

function tokensView(rt: Runtime): unknown[] {
  return rt.state.tokens.map((token) => ({
    token: token.token,
    app: byId(rt.state.apps, token.appId)?.name ?? null,
    clientId: byId(rt.state.apps, token.appId)?.clientId ?? null,
    username: usernameOf(rt, token.accountId),
    scopes: token.scopes,
    createdAt: token.createdAt.toISOString(),
    revoked: token.revokedAt !== null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
  }));
}

function body(ctx: Ctx): Record<string, unknown> {
  if (ctx.body.length === 0) return {};
  const parsed: unknown = JSON.parse(ctx.body.toString('utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('the body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`${name} must be a string`);
  return value;
}

function optionalNumber(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new Error(`${name} must be a number`);
  return value;
}

/** Runs a control action, answering 400 with the reason when the request makes no sense. */
function act(ctx: Ctx, action: (input: Record<string, unknown>) => unknown): Reply {
  try {
    const result = action(body(ctx));
    return json(200, result ?? { ok: true });
  } catch (error) {
    return jsonError(400, error instanceof Error ? error.message : String(error));
  }
}

/** The HTTP face of ServerControl and of the recorded data, under /__control. */
export function controlRoutes(control: ServerControl): Route[] {
  return [
    route('POST', '/__control/fail', (ctx) =>
      act(ctx, (input) => {
        const status = optionalNumber(input.status, 'status');
        const times = optionalNumber(input.times, 'times') ?? 1;
        const rule: FailRule = {
          status: status as FailRule['status'],
          times,
        };
        const path = optionalString(input.path, 'path');
        const method = optionalString(input.method, 'method');
        const retryAfterSeconds = optionalNumber(input.retryAfterSeconds, 'retryAfterSeconds');
        if (path !== undefined) rule.path = path;
        if (method !== undefined) rule.method = method;
        if (retryAfterSeconds !== undefined) rule.retryAfterSeconds = retryAfterSeconds;
        if (input.afterHandling === true) rule.afterHandling = true;
        control.fail(rule);
      }),
    ),
    route('POST', '/__control/delay', (ctx) =>
      act(ctx, (input) => {
        const rule: DelayRule = { ms: optionalNumber(input.ms, 'ms') ?? 0 };
        const path = optionalString(input.path, 'path');
        const times = optionalNumber(input.times, 'times');
        if (path !== undefined) rule.path = path;
        if (times !== undefined) rule.times = times;
        control.delay(rule);
      }),
    ),
    route('POST', '/__control/answer', (ctx) =>
      act(ctx, (input) => {
        const status = optionalNumber(input.status, 'status');
        if (status === undefined) throw new Error('status is required');
        const rule: AnswerRule = {
          status,
          body: optionalString(input.body, 'body') ?? '',
          contentType: optionalString(input.contentType, 'contentType') ?? 'text/html',
        };
        const path = optionalString(input.path, 'path');
        const method = optionalString(input.method, 'method');
        const times = optionalNumber(input.times, 'times');
        if (path !== undefined) rule.path = path;
        if (method !== undefined) rule.method = method;
        if (times !== undefined) rule.times = times;
        control.answer(rule);
      }),
    ),
    route('POST', '/__control/quirks', (ctx) =>
      act(ctx, (input) => {
        const quirks: Quirks = {};
        const statuses = input.instanceStatuses;
        if (statuses !== undefined) {
          if (typeof statuses !== 'object' || statuses === null || Array.isArray(statuses)) {
            throw new Error('instanceStatuses must be an object');
          }
          quirks.instanceStatuses = statuses as Record<string, unknown>;
        }
        if (input.ignoreScheduledAt !== undefined) {
          if (typeof input.ignoreScheduledAt !== 'boolean') {
            throw new Error('ignoreScheduledAt must be a boolean');
          }
          quirks.ignoreScheduledAt = input.ignoreScheduledAt;
        }
        control.quirks(quirks);
      }),
    ),
    route('POST', '/__control/revoke', (ctx) =>
      act(ctx, (input) => ({
        revoked: control.revokeAllTokens(optionalString(input.username, 'username')),
      })),
    ),
    route('POST', '/__control/expire-tokens', (ctx) =>
      act(ctx, (input) => ({
        expired: control.expireTokens(optionalString(input.username, 'username')),
      })),
    ),
    route('POST', '/__control/signed-in-user', (ctx) =>
      act(ctx, (input) => {
        const username = optionalString(input.username, 'username');
        if (!username) throw new Error('username is required');
        control.setSignedInUser(username);
      }),
    ),
    route('POST', '/__control/publish-scheduled', (ctx) =>
      act(ctx, (input) => {
        const id = optionalString(input.id, 'id');
        if (!id) throw new Error('id is required');
        return { statusId: control.publishScheduledNow(id) };
      }),
    ),
    route('POST', '/__control/reset', (ctx) => act(ctx, () => control.reset())),
    route('GET', '/__control/statuses', (ctx) => json(200, statusesView(ctx.rt))),
    route('GET', '/__control/media', (ctx) => json(200, mediaView(ctx.rt))),
    route('GET', '/__control/scheduled-statuses', (ctx) => json(200, scheduledView(ctx.rt))),
    route('GET', '/__control/requests', (ctx) => json(200, ctx.rt.state.requests)),
    route('GET', '/__control/apps', (ctx) => json(200, appsView(ctx.rt))),
    route('GET', '/__control/tokens', (ctx) => json(200, tokensView(ctx.rt))),
  ];
}
