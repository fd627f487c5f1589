import { HttpError, header, jsonError, type Ctx } from './http';
import type { AccountRecord, TokenRecord } from './types';
import { byId, type Runtime } from './runtime';

/** The token string a request carries: Authorization: Bearer, or the access_token parameter. */
export function bearerToken(ctx: Pick<Ctx, 'headers' | 'url'>): string | undefined {
  const authorization = header(ctx.headers, 'authorization');
  const match = authorization ? /^Bearer\s+(\S+)/i.exec(authorization) : null;
  if (match?.[1]) return match[1];
  return (
    ctx.url.searchParams.get('access_token') ??
    ctx.url.searchParams.get('bearer_token') ??
    undefined
  );
}

/** The stored token a request names, revoked or not (Doorkeeper's `by_token`). */
export function findToken(rt: Runtime, ctx: Pick<Ctx, 'headers' | 'url'>): TokenRecord | undefined {
  const value = bearerToken(ctx);
  return value === undefined ? undefined : rt.state.tokens.find((token) => token.token === value);
}

/** Tokens of flavors whose tokens expire stop working at their time. */
export function expired(token: TokenRecord): boolean {
  return token.expiresAt !== undefined && token.expiresAt.getTime() <= Date.now();
}

function invalidToken(token: TokenRecord | undefined): HttpError {
  // Doorkeeper's InvalidTokenResponse names why: revoked, or simply unknown.
  const description = token?.revokedAt
    ? 'The access token was revoked'
    : 'The access token is invalid';
  return new HttpError(
    jsonError(401, description, {
      'www-authenticate': `Bearer realm="Doorkeeper", error="invalid_token", error_description="${description}"`,
    }),
  );
}

/**
 * `doorkeeper_authorize!(*scopes)`: a usable token holding any one of `scopes`, else 401 or 403
 * with Mastodon's bodies.
 */
export function authorize(ctx: Ctx, scopes: string[]): TokenRecord {
  const token = findToken(ctx.rt, ctx);
  if (!token || token.revokedAt || expired(token)) throw invalidToken(token);
  if (!scopes.some((scope) => token.scopes.includes(scope))) {
    throw new HttpError(jsonError(403, 'This action is outside the authorized scopes'));
  }
  return token;
}

/** `authorize_if_got_token!`: only a token the server knows is checked; anything else is anonymous. */
export function authorizeIfToken(ctx: Ctx, scopes: string[]): TokenRecord | null {
  return findToken(ctx.rt, ctx) ? authorize(ctx, scopes) : null;
}

/** `require_user!`: an app token (client credentials) acts for nobody. */
export function requireUser(ctx: Ctx, token: TokenRecord): AccountRecord {
  const account = token.accountId ? byId(ctx.rt.state.accounts, token.accountId) : undefined;
  if (!account) {
    throw new HttpError(jsonError(422, 'This method requires an authenticated user'));
  }
  return account;
}

/** The account a (possibly anonymous) request acts for. */
export function viewerOf(rt: Runtime, token: TokenRecord | null): AccountRecord | null {
  return token?.accountId ? (byId(rt.state.accounts, token.accountId) ?? null) : null;
}
