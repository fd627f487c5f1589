import { createRestAPIClient, MastoHttpError, type mastodon } from 'masto';
import { CrosswindError } from '@/utils/errors';
import { defineVaultItem } from '@/utils/vault';
import { renewMastodonToken, type TokenRenewal } from './auth';
import type { Account } from '../types';

/** Access tokens, one per account. */
export const tokens = defineVaultItem<string>('mastodon-token');
/** Refresh tokens of servers whose access tokens expire (Pixelfed). */
export const renewals = defineVaultItem<TokenRenewal>('mastodon-renewal');

/** One renewal at a time per account: two posts failing together must not spend the refresh token twice. */
const renewing = new Map<string, Promise<string | undefined>>();

/** Gets a new access token with the refresh token; undefined when there is none or the server says no. */
function renewAccess(account: Account): Promise<string | undefined> {
  const running = renewing.get(account.id);
  if (running) return running;
  const task = (async () => {
    const renewal = await renewals.get(account.id);
    if (!renewal) return undefined;
    const renewed = await renewMastodonToken(account.server, renewal);
    if (!renewed) return undefined;
    await tokens.set(account.id, renewed.accessToken);
    await renewals.set(account.id, renewed.renewal);
    return renewed.accessToken;
  })().finally(() => renewing.delete(account.id));
  renewing.set(account.id, task);
  return task;
}

const EXPIRY_MARGIN_MS = 60_000;

async function clientFor(account: Account): Promise<mastodon.rest.Client> {
  let accessToken = await tokens.get(account.id);
  const renewal = await renewals.get(account.id);
  // A token known to be expired is renewed first rather than sent to fail.
  if (accessToken && renewal?.expiresAt && renewal.expiresAt - EXPIRY_MARGIN_MS < Date.now()) {
    accessToken = (await renewAccess(account)) ?? accessToken;
  }
  if (!accessToken) {
    throw new CrosswindError(
      'auth',
      `Crosswind has no access to ${account.handle} any more. Reconnect the account.`,
    );
  }
  return createRestAPIClient({ url: account.server, accessToken, timeout: 30_000 });
}

/**
 * Runs a call with the account's token; when the server says the token is no longer valid and a
 * refresh token exists, renews it once and runs the call again. Only when renewing fails does the
 * 401 reach the caller, which then asks the person to reconnect.
 */
export async function authorized<T>(
  account: Account,
  call: (client: mastodon.rest.Client) => PromiseLike<T>,
): Promise<T> {
  const client = await clientFor(account);
  try {
    return await call(client);
  } catch (error) {
    if (!(error instanceof MastoHttpError) || error.statusCode !== 401) throw error;
    const renewed = await renewAccess(account);
    if (!renewed) throw error;
    return await call(
      createRestAPIClient({ url: account.server, accessToken: renewed, timeout: 30_000 }),
    );
  }
}
