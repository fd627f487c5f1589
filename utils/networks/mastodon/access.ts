import { words } from '@/utils/i18n/wording';
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

/** A client for the token's own server, never whatever the account record says now. */
function clientOn(origin: string, accessToken: string): mastodon.rest.Client {
  return mastodonClient(origin, accessToken);
}

async function clientFor(account: Account): Promise<mastodon.rest.Client> {
  const credential = await tokens.forAccount(account);
  if (!credential) {
    throw new CrosswindError('auth', words('mastodon.noAccess', { handle: account.handle }));
  }
  const renewal = await renewals.forAccount(account);
  // A token known to be expired is renewed first rather than sent to fail.
  if (renewal?.secret.expiresAt && renewal.secret.expiresAt - EXPIRY_MARGIN_MS < Date.now()) {
    const renewed = await renewAccess(account);
    if (renewed) return clientOn(credential.origin, renewed);
  }
  return clientOn(credential.origin, credential.secret);
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
    const credential = renewed ? await tokens.peek(account.id) : undefined;
    if (!renewed || !credential) throw error;
    return await call(clientOn(credential.origin, renewed));
  }
}
