import { authorize, requireUser } from '../auth';
import { serializeScheduledStatus } from '../entities';
import { json, jsonError, type Ctx, type Reply } from '../http';
import { parseScheduledAt, publishIfDue, scheduleErrors } from '../post-status';
import { route, type Route } from '../router';
import type { AccountRecord, ScheduledStatusRecord } from '../types';
import { byId } from '../runtime';

function pendingFor(ctx: Ctx, account: AccountRecord): ScheduledStatusRecord[] {
  return ctx.rt.state.scheduledStatuses.filter(
    (item) => item.accountId === account.id && !item.cancelledAt && !item.publishedStatusId,
  );
}

function findPending(ctx: Ctx, account: AccountRecord): ScheduledStatusRecord | undefined {
  return pendingFor(ctx, account).find((item) => item.id === ctx.match[0]);
}

function listScheduled(ctx: Ctx): Reply {
  const account = requireUser(ctx, authorize(ctx, ['read', 'read:statuses']));
  const items = pendingFor(ctx, account).sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  return json(
    200,
    items.map((item) => serializeScheduledStatus(ctx.rt, item)),
  );
}

function showScheduled(ctx: Ctx): Reply {
  const account = requireUser(ctx, authorize(ctx, ['read', 'read:statuses']));
  const item = findPending(ctx, account);
  return item
    ? json(200, serializeScheduledStatus(ctx.rt, item))
    : jsonError(404, 'Record not found');
}

function cancelScheduled(ctx: Ctx): Reply {
  const account = requireUser(ctx, authorize(ctx, ['write', 'write:statuses']));
  const item = findPending(ctx, account);
  if (!item) return jsonError(404, 'Record not found');
  item.cancelledAt = new Date();
  for (const id of item.mediaIds) {
    const media = byId(ctx.rt.state.media, id);
    if (media?.scheduledStatusId === item.id) media.scheduledStatusId = null;
  }
  return json(200, {});
}

/** PUT: only `scheduled_at` can change, with the same checks as when it was scheduled. */
async function updateScheduled(ctx: Ctx): Promise<Reply> {
  const account = requireUser(ctx, authorize(ctx, ['write', 'write:statuses']));
  const item = findPending(ctx, account);
  if (!item) return jsonError(404, 'Record not found');
  const requested = (await ctx.params()).string('scheduled_at');
  if (requested !== undefined && requested !== '') {
    const scheduledAt = parseScheduledAt(requested);
    if (!scheduledAt) return jsonError(422, 'Record invalid');
    const errors = scheduleErrors(ctx.rt, account, scheduledAt, item);
    if (errors.length > 0) return jsonError(422, `Validation failed: ${errors.join(', ')}`);
    item.scheduledAt = scheduledAt;
    ctx.rt.schedule(scheduledAt, () => publishIfDue(ctx.rt, item));
  }
  return json(200, serializeScheduledStatus(ctx.rt, item));
}

/** Scheduled statuses of the signed-in account. */
export const scheduledRoutes: Route[] = [
  route('GET', '/api/v1/scheduled_statuses', listScheduled),
  route('GET', '/api/v1/scheduled_statuses/:id', showScheduled),
  route('PUT', '/api/v1/scheduled_statuses/:id', updateScheduled),
  route('DELETE', '/api/v1/scheduled_statuses/:id', cancelScheduled),
];
