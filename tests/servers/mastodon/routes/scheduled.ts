import { authorize, requireUser } from '../auth';
import { serializeScheduledStatus } from '../entities';
import { json, jsonError, type Ctx, type Reply } from '../http';
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

/** Scheduled statuses of the signed-in account. */
export const scheduledRoutes: Route[] = [
  route('GET', '/api/v1/scheduled_statuses', listScheduled),
  route('GET', '/api/v1/scheduled_statuses/:id', showScheduled),
  route('DELETE', '/api/v1/scheduled_statuses/:id', cancelScheduled),
];
