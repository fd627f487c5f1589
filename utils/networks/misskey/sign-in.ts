import { words } from '@/utils/i18n/wording';
import { storage } from 'wxt/utils/storage';
import { CrosswindError } from '@/utils/errors';
import { parseMisskeyAddress, type MisskeyAddress } from './address';
import { MisskeyClient } from './client';
import { assertCallback, checkMiAuth, miauthUrl, type MiAuthGrant } from './miauth';
import { readSoftware, type Software } from './nodeinfo';
import type { MisskeyMeta } from './validate';

// MiAuth from the background: prepare a session and its consent page, then, with the address the
// page sent the browser to, ask once for the token and read what the account needs (limits,
// software). The pending session lives in session storage: it survives a service-worker restart
// while the person reads the consent page, and content scripts cannot read it.

interface PendingMiAuth {
  session: string;
  origin: string;
  /** The account the person named (`@me@host`), to warn when another one was approved. */
  username?: string;
  startedAt: number;
}

const pendingStorage = storage.defineItem<Record<string, PendingMiAuth>>('session:misskeyPending', {
  fallback: {},
});

/** A consent page left open longer than this is abandoned. */
const PENDING_TTL_MS = 30 * 60_000;

/** The name and icon the consent page shows. */
export const APP_NAME = 'Crosswind';

/**
 * Starts a MiAuth sign-in for what the person typed (`host`, `https://host`, `@me@host`, or an
 * address already read): checks the server speaks Misskey's API, remembers the session, and
 * answers the consent page to open.
 */
export async function beginMiAuth(
  server: string | MisskeyAddress,
  callback: string,
  options: { icon?: string; now?: number } = {},
): Promise<{ authorizeUrl: string; session: string }> {
  const address = typeof server === 'string' ? parseMisskeyAddress(server) : server;
  // Reading /api/meta first turns "not a Misskey server" into a clear error before any page opens.
  await new MisskeyClient({ origin: address.origin }).meta().catch((error: unknown) => {
    if (error instanceof CrosswindError && error.kind === 'network') throw error;
    throw new CrosswindError('unsupported', words('misskey.notMisskey', { host: address.host }), {
      cause: error,
    });
  });
  const now = options.now ?? Date.now();
  const session = crypto.randomUUID();
  const pending = await pendingStorage.getValue();
  const fresh = Object.fromEntries(
    Object.entries(pending).filter(([, item]) => now - item.startedAt < PENDING_TTL_MS),
  );
  fresh[session] = {
    session,
    origin: address.origin,
    startedAt: now,
    ...(address.username !== undefined && { username: address.username }),
  };
  await pendingStorage.setValue(fresh);
  const authorizeUrl = miauthUrl(address.origin, session, {
    name: APP_NAME,
    callback,
    ...(options.icon && { icon: options.icon }),
  });
  return { authorizeUrl, session };
}

/** The session a consent page was opened for, read from its address. */
export function sessionOf(authorizeUrl: string): string | undefined {
  const match = /\/miauth\/([^/?#]+)/.exec(new URL(authorizeUrl).pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** What a finished sign-in gives the adapter to build the account from. */
export interface MiAuthResult extends MiAuthGrant {
  origin: string;
  meta: MisskeyMeta;
  software?: Software;
}

/** Completes a MiAuth sign-in with the address the consent page sent the browser to. */
export async function completeMiAuth(redirectUrl: string): Promise<MiAuthResult> {
  let session: string | null = null;
  try {
    session = new URL(redirectUrl).searchParams.get('session');
  } catch {
    // An unreadable address is reported below like a missing session.
  }
  const pending = await pendingStorage.getValue();
  const item = session ? pending[session] : undefined;
  if (!session || !item) {
    throw new CrosswindError('auth', words('misskey.unknownSignIn'));
  }
  delete pending[session];
  await pendingStorage.setValue(pending);
  const host = new URL(item.origin).host;
  assertCallback(redirectUrl, session, host);
  const grant = await checkMiAuth(item.origin, session);
  if (item.username && item.username.toLowerCase() !== grant.user.username.toLowerCase()) {
    throw new CrosswindError(
      'auth',
      words('misskey.wrongUser', { approved: grant.user.username, host, wanted: item.username }),
    );
  }
  const client = new MisskeyClient({ origin: item.origin, token: grant.token });
  const [meta, software] = await Promise.all([client.meta(), readSoftware(item.origin)]);
  return { ...grant, origin: item.origin, meta, ...(software && { software }) };
}

/** Forgets a sign-in the person abandoned (all expired ones, too). */
export async function cancelMiAuth(session: string | undefined, now = Date.now()): Promise<void> {
  const pending = await pendingStorage.getValue();
  const kept = Object.fromEntries(
    Object.entries(pending).filter(
      ([key, item]) => key !== session && now - item.startedAt < PENDING_TTL_MS,
    ),
  );
  await pendingStorage.setValue(kept);
}
