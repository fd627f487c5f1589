import { defineCredential } from '@/utils/vault';
import { CrosswindError } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import { hostOf } from '../host';
import type { Account } from '../types';
import { PeerTubeApi, type TokenAnswer, type TokenSource } from './client';

/** What Crosswind keeps to act for an account: the instance's client and the token pair. Never the password. */
export interface PeerTubeSession {
  clientId: string;
  clientSecret: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds. */
  accessExpiresAt: number;
}

/** Sessions bound to the server that issued them (background only). */
export const sessions = defineCredential<PeerTubeSession>('peertube-session');

/** Refresh this long before the access token runs out, so a long upload does not meet a 401. */
const EARLY_MS = 5 * 60_000;

/** One refresh at a time per account: a refresh token works once, a second caller waits for the first. */
const refreshing = new Map<string, Promise<string>>();

/** A session from what the token endpoint answered. */
export function sessionFrom(
  client: { clientId: string; clientSecret: string },
  answer: TokenAnswer,
  now = Date.now(),
): PeerTubeSession {
  return {
    ...client,
    accessToken: answer.accessToken,
    refreshToken: answer.refreshToken,
    accessExpiresAt: now + answer.expiresIn * 1000,
  };
}

async function refreshSession(account: Account, stale: string): Promise<string> {
  const stored = await sessions.forAccount(account);
  if (!stored) throw noSession(account);
  const { origin, secret } = stored;
  // Someone else refreshed already: their token is the fresh one.
  if (secret.accessToken !== stale && secret.accessExpiresAt - EARLY_MS > Date.now())
    return secret.accessToken;
  const answer = await new PeerTubeApi(origin).requestToken({
    client_id: secret.clientId,
    client_secret: secret.clientSecret,
    grant_type: 'refresh_token',
    refresh_token: secret.refreshToken,
  });
  const next = sessionFrom(secret, answer);
  await sessions.save(account.id, origin, next);
  return next.accessToken;
}

function noSession(account: Account): CrosswindError {
  return new CrosswindError(
    'auth',
    words('peertube.noSession', { account: `@${account.handle}@${hostOf(account.server)}` }),
  );
}

/** The API of an account's server, with its tokens, refreshed when they run out. */
export async function apiFor(account: Account): Promise<PeerTubeApi> {
  const stored = await sessions.forAccount(account);
  if (!stored) throw noSession(account);
  const refresh = (stale: string) => {
    let running = refreshing.get(account.id);
    if (!running) {
      running = refreshSession(account, stale).finally(() => refreshing.delete(account.id));
      refreshing.set(account.id, running);
    }
    return running;
  };
  const tokens: TokenSource = {
    async token() {
      const current = await sessions.forAccount(account);
      if (!current) throw noSession(account);
      const { secret } = current;
      return secret.accessExpiresAt - EARLY_MS > Date.now()
        ? secret.accessToken
        : refresh(secret.accessToken);
    },
    refresh,
  };
  // The session's own server, never whatever the account record says now.
  return new PeerTubeApi(stored.origin, tokens);
}
