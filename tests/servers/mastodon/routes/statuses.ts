import { authorize, authorizeIfToken, requireUser, viewerOf } from '../auth';
import { serializeScheduledStatus, serializeStatus } from '../entities';
import { header, json, jsonError, type Ctx, type Reply } from '../http';
import { postStatus } from '../post-status';
import { route, type Route } from '../router';
import type { AccountRecord, StatusRecord } from '../types';
import { byId } from '../runtime';

/** StatusPolicy#show? for local posts: public and unlisted to all, the rest to author and mentioned. */
export function canSee(status: StatusRecord, viewer: AccountRecord | null): boolean {
  if (status.deletedAt) return false;
  if (status.visibility === 'public' || status.visibility === 'unlisted') return true;
  if (!viewer) return false;
  return status.accountId === viewer.id || status.mentionAccountIds.includes(viewer.id);
}

async function createStatus(ctx: Ctx): Promise<Reply> {
  const token = authorize(ctx, ['write', 'write:statuses']);
  const account = requireUser(ctx, token);
  const p = await ctx.params();

  let thread: StatusRecord | undefined;
  const inReplyToId = p.present('in_reply_to_id');
  if (inReplyToId) {
    thread = byId(ctx.rt.state.statuses, inReplyToId);
    if (!thread || !canSee(thread, account)) {
      return jsonError(404, 'The post you are trying to reply to does not appear to exist.');
    }
  }

  const result = postStatus(ctx.rt, account, {
    text: p.string('status'),
    spoilerText: p.string('spoiler_text'),
    sensitive: p.boolean('sensitive'),
    visibility: p.string('visibility'),
    language: p.string('language'),
    mediaIds: p.list('media_ids'),
    scheduledAt: p.string('scheduled_at'),
    thread,
    appId: token.appId,
    idempotencyKey: header(ctx.headers, 'idempotency-key'),
  });
  if (result.kind === 'scheduled') {
    return json(200, serializeScheduledStatus(ctx.rt, result.scheduled));
  }
  return json(200, serializeStatus(ctx.rt, result.status, { viewer: account }));
}

function showStatus(ctx: Ctx): Reply {
  const token = authorizeIfToken(ctx, ['read', 'read:statuses']);
  const viewer = viewerOf(ctx.rt, token);
  const status = byId(ctx.rt.state.statuses, ctx.match[0] ?? '');
  if (!status || !canSee(status, viewer)) return jsonError(404, 'Record not found');
  return json(200, serializeStatus(ctx.rt, status, { viewer }));
}

/** DELETE answers with the source text, and frees the media for a redraft unless told not to. */
async function deleteStatus(ctx: Ctx): Promise<Reply> {
  const token = authorize(ctx, ['write', 'write:statuses']);
  const account = requireUser(ctx, token);
  const status = byId(ctx.rt.state.statuses, ctx.match[0] ?? '');
  if (!status || status.deletedAt || status.accountId !== account.id) {
    return jsonError(404, 'Record not found');
  }
  const body = serializeStatus(ctx.rt, status, { viewer: account, source: true });
  const p = await ctx.params();
  const deleteMedia = p.boolean('delete_media') ?? false;
  status.deletedAt = new Date();
  // Deleted media stay recorded (still tied to the gone status) so tests can inspect them.
  if (!deleteMedia) {
    for (const id of status.mediaIds) {
      const media = byId(ctx.rt.state.media, id);
      if (media) media.statusId = null;
    }
  }
  return json(200, body);
}

/** Posting, reading and deleting statuses. */
export const statusRoutes: Route[] = [
  route('POST', '/api/v1/statuses', createStatus),
  route('GET', '/api/v1/statuses/:id', showStatus),
  route('DELETE', '/api/v1/statuses/:id', deleteStatus),
];
