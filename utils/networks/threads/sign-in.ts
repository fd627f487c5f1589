import { storage } from 'wxt/utils/storage';
import { CrosswindError } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import { defineCredential } from '@/utils/vault';
import type { ConnectFields } from '../types';
import { authorizeUrlFor, threadsApiOrigin } from './origin';
import { exchangeCode, longLived, type ThreadsApp, type ThreadsToken } from './tokens';

// The Authorization Window with the person's own Meta app: Crosswind keeps a `state` per sign-in
// (session storage, gone with the browser) and the App secret in the vault, bound to the API
// origin: the secret goes nowhere but graph.threads.net (or a loopback test server in tests).

/** What Crosswind asks for: to read the profile, publish, reply (threads), and delete. */
export const THREADS_SCOPES = [
  'threads_basic',
  'threads_content_publish',
  'threads_manage_replies',
  'threads_delete',
] as const;

interface PendingSignIn {
  state: string;
  origin: string;
  appId: string;
  redirectUri: string;
  startedAt: number;
}

const pendingStorage = storage.defineItem<Record<string, PendingSignIn>>('session:threadsPending', {
  fallback: {},
});

/** The App ID and secret of a sign-in under way, by its state. */
export const pendingApps = defineCredential<ThreadsApp>('threads-pending-app');

/** A consent window left open longer than this is abandoned. */
const PENDING_TTL_MS = 30 * 60_000;

/** Meta's Threads App IDs are numbers (15 or 16 digits in practice). */
const APP_ID = /^\d{6,20}$/;
/** App secrets are 32 hexadecimal characters. */
const APP_SECRET = /^[0-9a-f]{32}$/i;

/** Checks what the person pasted before anything is sent, with the fix in the words. */
export function readAppFields(fields: ConnectFields): ThreadsApp & { origin: string } {
  const appId = (fields.appId ?? '').trim();
  const secret = (fields.appSecret ?? '').trim();
  if (!APP_ID.test(appId)) throw new CrosswindError('validation', words('threads.appIdInvalid'));
  if (!APP_SECRET.test(secret))
    throw new CrosswindError('validation', words('threads.appSecretInvalid'));
  return { appId, secret, origin: threadsApiOrigin(fields.server) };
}

async function keepFresh(now: number): Promise<Record<string, PendingSignIn>> {
  const pending = await pendingStorage.getValue();
  const fresh: Record<string, PendingSignIn> = {};
  for (const [state, item] of Object.entries(pending)) {
    if (now - item.startedAt < PENDING_TTL_MS) fresh[state] = item;
    else await pendingApps.remove(state);
  }
  return fresh;
}

/** Starts a sign-in: remembers it and answers the Authorization Window to open. */
export async function beginThreadsSignIn(
  fields: ConnectFields,
  redirectUri: string,
  now = Date.now(),
): Promise<{ authorizeUrl: string; state: string }> {
  const app = readAppFields(fields);
  const state = crypto.randomUUID();
  const pending = await keepFresh(now);
  pending[state] = { state, origin: app.origin, appId: app.appId, redirectUri, startedAt: now };
  await pendingApps.save(state, app.origin, { appId: app.appId, secret: app.secret });
  await pendingStorage.setValue(pending);
  const url = new URL(authorizeUrlFor(app.origin));
  url.search = new URLSearchParams({
    client_id: app.appId,
    redirect_uri: redirectUri,
    scope: THREADS_SCOPES.join(','),
    response_type: 'code',
    state,
  }).toString();
  return { authorizeUrl: url.toString(), state };
}

/** What a finished sign-in gives the adapter. */
export interface ThreadsGrant {
  origin: string;
  app: ThreadsApp;
  userId: string;
  token: ThreadsToken;
}

function readRedirect(redirectUrl: string): URL {
  try {
    return new URL(redirectUrl);
  } catch {
    throw new CrosswindError('auth', words('threads.unreadableRedirect'));
  }
}

/** Completes a sign-in with the address the window came back to: checks the state, trades the code. */
export async function completeThreadsSignIn(
  redirectUrl: string,
  now = Date.now(),
): Promise<ThreadsGrant> {
  const url = readRedirect(redirectUrl);
  const state = url.searchParams.get('state') ?? '';
  const pending = await pendingStorage.getValue();
  const item = pending[state];
  if (!state || !item) throw new CrosswindError('auth', words('threads.unknownSignIn'));
  delete pending[state];
  await pendingStorage.setValue(pending);
  const stored = await pendingApps.peek(state);
  await pendingApps.remove(state);
  if (!stored || stored.origin !== item.origin)
    throw new CrosswindError('auth', words('threads.unknownSignIn'));
  const error = url.searchParams.get('error');
  if (error) {
    throw new CrosswindError(
      error === 'access_denied' ? 'cancelled' : 'auth',
      words('threads.notAllowed'),
    );
  }
  // Meta appends `#_` to the redirect; the code is the query parameter alone.
  const code = url.searchParams.get('code');
  if (!code) throw new CrosswindError('auth', words('threads.unreadableRedirect'));
  const short = await exchangeCode(item.origin, stored.secret, code, item.redirectUri);
  const token = await longLived(item.origin, stored.secret, short.token, now);
  return { origin: item.origin, app: stored.secret, userId: short.userId, token };
}

/** Forgets a sign-in the person abandoned (and every expired one). */
export async function cancelThreadsSignIn(
  state: string | undefined,
  now = Date.now(),
): Promise<void> {
  const pending = await keepFresh(now);
  if (state && pending[state]) {
    delete pending[state];
    await pendingApps.remove(state);
  }
  await pendingStorage.setValue(pending);
}
