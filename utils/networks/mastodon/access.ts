import { MastoHttpError, type mastodon } from 'masto';
import { CrosswindError } from '@/utils/errors';
import { defineCredential } from '@/utils/vault';
import { renewMastodonToken, type TokenRenewal } from './auth';
import { mastodonClient } from './http';
import type { Account } from '../types';

/** Access tokens, one per account. */
export const tokens = defineCredential<string>('mastodon-token');
/** Refresh tokens of servers whose access tokens expire (Pixelfed). */
export const renewals = defineCredential<TokenRenewal>('mastodon-renewal');

/** One renewal at a time per account: two posts failing together must not spend the refresh token twice. */
const renewing = new Map<string, Promise<string | undefined>>();

/** Gets a new access token with the refresh token; undefined when there is none or the server says no. */
function renewAccess(account: Account): Promise<string | undefined> {
  const running = renewing.get(account.id);
  if (running) return running;
  const task = (async () => {
    const renewal = await renewals.forAccount(account);
    if (!renewal) return undefined;
    // Renewed only where it was issued, like the token itself.
    const renewed = await renewMastodonToken(renewal.origin, renewal.secret);
    if (!renewed) return undefined;
    await tokens.save(account.id, renewal.origin, renewed.accessToken);
    await renewals.save(account.id, renewal.origin, renewed.renewal);
    return renewed.accessToken;
  })().finally(() => renewing.delete(account.id));
  renewing.set(account.id, task);
  return task;
}

const EXPIRY_MARGIN_MS = 60_000;

/** A token with the server that issued it: requests go there, never where the account record says now. */
export interface AccessToken {
  origin: string;
  token: string;
}

async function tokenFor(account: Account): Promise<AccessToken> {
  const credential = await tokens.forAccount(account);
  if (!credential) {
    throw new CrosswindError(
      'auth',
      `Crosswind has no access to ${account.handle} any more. Reconnect the account.`,
    );
  }
  const renewal = await renewals.forAccount(account);
  // A token known to be expired is renewed first rather than sent to fail.
  if (renewal?.secret.expiresAt && renewal.secret.expiresAt - EXPIRY_MARGIN_MS < Date.now()) {
    const renewed = await renewAccess(account);
    if (renewed) return { origin: credential.origin, token: renewed };
  }
  return { origin: credential.origin, token: credential.secret };
}

/**
 * Runs a call with the account's token; when the call fails because the server no longer takes
 * the token (`isUnauthorized`) and a refresh token exists, renews it once and runs the call again.
 * Only when renewing fails does the failure reach the caller, which then asks to reconnect.
 */
export async function withAccessToken<T>(
  account: Account,
  call: (access: AccessToken) => PromiseLike<T>,
  isUnauthorized: (error: unknown) => boolean,
): Promise<T> {
  const access = await tokenFor(account);
  try {
    return await call(access);
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
    const renewed = await renewAccess(account);
    const credential = renewed ? await tokens.peek(account.id) : undefined;
    if (!renewed || !credential) throw error;
    return await call({ origin: credential.origin, token: renewed });
  }
}

/** `withAccessToken` with a masto client for the token's own server. */
export function authorized<T>(
  account: Account,
  call: (client: mastodon.rest.Client) => PromiseLike<T>,
): Promise<T> {
  return withAccessToken(
    account,
    ({ origin, token }) => call(mastodonClient(origin, token)),
    (error) => error instanceof MastoHttpError && error.statusCode === 401,
  );
}
