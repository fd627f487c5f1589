import { authorize, requireUser } from '../auth';
import { serializeAccount, serializeCredentialAccount } from '../entities';
import { json, jsonError, type Ctx, type Reply } from '../http';
import { route, type Route } from '../router';
import { byId } from '../runtime';

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

/** Account endpoints. */
export const accountRoutes: Route[] = [
  route('GET', '/api/v1/accounts/verify_credentials', verifyCredentials),
  route('GET', '/api/v1/accounts/:id', showAccount),
];
