import { authorizeIfToken, authorize, requireUser, viewerOf } from '../auth';
import { serializeAccount, serializeCredentialAccount, serializeStatus } from '../entities';
import { json, jsonError, type Ctx, type Reply } from '../http';
import { route, type Route } from '../router';
import { byId } from '../runtime';
import { canSee } from './statuses';

/** GET /api/v1/accounts/verify_credentials: `profile` is enough since 4.3. */
function verifyCredentials(ctx: Ctx): Reply {
  const token = authorize(ctx, ['profile', 'read', 'read:accounts']);
  const account = requireUser(ctx, token);
  return json(200, serializeCredentialAccount(ctx.rt, account));
}

/** GET /api/v1/accounts/:id, public. */
function showAccount(ctx: Ctx): Reply {
  const account = byId(ctx.rt.state.accounts, ctx.match[0] ?? '');
  return account
    ? json(200, serializeAccount(ctx.rt, account))
    : jsonError(404, 'Record not found');
}

/** GET /api/v1/accounts/:id/statuses: newest first, `limit` up to 40 (default 20). */
function accountStatuses(ctx: Ctx): Reply {
  const token = authorizeIfToken(ctx, ['read', 'read:statuses']);
  const viewer = viewerOf(ctx.rt, token);
  const account = byId(ctx.rt.state.accounts, ctx.match[0] ?? '');
  if (!account) return jsonError(404, 'Record not found');
  const asked = Number(ctx.url.searchParams.get('limit') ?? '20');
  const limit = Number.isFinite(asked) ? Math.min(Math.max(Math.floor(asked), 1), 40) : 20;
  const statuses = ctx.rt.state.statuses
    .filter((status) => status.accountId === account.id && canSee(status, viewer))
    .toReversed()
    .slice(0, limit);
  return json(
    200,
    statuses.map((status) => serializeStatus(ctx.rt, status, { viewer })),
  );
}

/** Account endpoints. */
export const accountRoutes: Route[] = [
  route('GET', '/api/v1/accounts/verify_credentials', verifyCredentials),
  route('GET', '/api/v1/accounts/:id/statuses', accountStatuses),
  route('GET', '/api/v1/accounts/:id', showAccount),
];
