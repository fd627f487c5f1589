import { CrosswindError } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import { ThreadsClient } from './client';

// Meta's token rules (developers.facebook.com/docs/threads/get-started/long-lived-tokens):
// a short-lived token lasts an hour; th_exchange_token (with the App secret) gives a long-lived one
// for 60 days; th_refresh_token (no secret) renews it for 60 days from then, once it is at least
// 24 hours old and while it has not expired. Crosswind renews a week after each issue, so a browser
// opened now and then keeps its login far from the 60-day edge.

export const DAY_MS = 86_400_000;
/** Meta: a token must be this old before it can be refreshed. */
export const MIN_REFRESH_AGE_MS = DAY_MS;
/** When Crosswind renews: well before the 60 days run out. */
export const RENEW_AFTER_MS = 7 * DAY_MS;
/** After a refresh that failed for a passing reason (offline, Meta down): try again in an hour. */
export const RETRY_RENEW_MS = 3_600_000;

/** A long-lived token with when it was issued and when it ends (epoch milliseconds). */
export interface ThreadsToken {
  token: string;
  issuedAt: number;
  expiresAt: number;
}

/** The person's own Meta app, as typed into the connect form. */
export interface ThreadsApp {
  appId: string;
  secret: string;
}

/** When a token should be renewed: a week after it was issued, never before Meta allows it. */
export function renewDueAt(token: ThreadsToken): number {
  return token.issuedAt + Math.max(RENEW_AFTER_MS, MIN_REFRESH_AGE_MS);
}

/** What to do with a token now: keep it, renew it, or give up (expired: only a new login helps). */
export function tokenAction(token: ThreadsToken, now: number): 'keep' | 'renew' | 'expired' {
  if (now >= token.expiresAt) return 'expired';
  if (now - token.issuedAt < MIN_REFRESH_AGE_MS) return 'keep';
  return now >= renewDueAt(token) ? 'renew' : 'keep';
}

function expiresIn(client: ThreadsClient, body: unknown, now: number): number {
  const seconds =
    typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>).expires_in
      : undefined;
  // Meta always says; a missing figure is read as the documented 60 days.
  return now + (typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : 60 * DAY_MS);
}

/** Step 2: the redirect's code for a short-lived token and the user's id. The secret is required. */
export async function exchangeCode(
  origin: string,
  app: ThreadsApp,
  code: string,
  redirectUri: string,
): Promise<{ token: string; userId: string }> {
  const client = new ThreadsClient(origin);
  const body = await client.post('/oauth/access_token', {
    client_id: app.appId,
    client_secret: app.secret,
    grant_type: 'authorization_code',
    redirect_uri: redirectUri,
    code,
  });
  return { token: client.field(body, 'access_token'), userId: client.field(body, 'user_id') };
}

/** Short-lived → long-lived (60 days), with the App secret. */
export async function longLived(
  origin: string,
  app: ThreadsApp,
  shortToken: string,
  now = Date.now(),
): Promise<ThreadsToken> {
  const client = new ThreadsClient(origin);
  const body = await client.get('/access_token', {
    grant_type: 'th_exchange_token',
    client_secret: app.secret,
    access_token: shortToken,
  });
  return {
    token: client.field(body, 'access_token'),
    issuedAt: now,
    expiresAt: expiresIn(client, body, now),
  };
}

/** Renews a long-lived token; no secret. Throws 'auth' when Meta no longer takes it. */
export async function refreshToken(
  origin: string,
  current: ThreadsToken,
  now = Date.now(),
): Promise<ThreadsToken> {
  if (tokenAction(current, now) === 'expired') {
    throw new CrosswindError('auth', words('threads.loginExpired'));
  }
  const client = new ThreadsClient(origin);
  const body = await client.get('/refresh_access_token', {
    grant_type: 'th_refresh_token',
    access_token: current.token,
  });
  return {
    token: client.field(body, 'access_token'),
    issuedAt: now,
    expiresAt: expiresIn(client, body, now),
  };
}
