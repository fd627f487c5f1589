import { words } from '@/utils/i18n/wording';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { randomToken, s256Challenge } from '@/utils/auth/pkce';
import { normalizeServerUrl } from '@/utils/auth/server-url';
import { CrosswindError, toCrosswindError } from '@/utils/errors';
import { fetchJson, requireJson, type HttpAnswer } from '../fetch-json';
import { defineVaultItem } from '@/utils/vault';
import { MASTODON_FLAVOR, type MastodonFlavor } from './flavor';
import { fetchMastodonLimits } from './instance';
import { NETWORK_INFO } from '../info';
import type { AccountLimits, NetworkId, ServerSoftware } from '../types';

interface RegisteredApp {
  clientId: string;
  clientSecret: string;
}

interface PendingAuthorization {
  state: string;
  verifier: string;
  origin: string;
  redirectUri: string;
  clientId: string;
  startedAt: number;
  /** The scopes the flavor that signs in asked for. */
  scopes: string;
  software?: ServerSoftware;
}

/** A finished authorization: the token, and what we learned of the server on the way. */
export interface MastodonGrant {
  origin: string;
  accessToken: string;
  clientId: string;
  limits: AccountLimits;
  network: NetworkId;
  software?: ServerSoftware;
  /** Servers whose tokens expire (Pixelfed) give a refresh token to get a new one. */
  renewal?: TokenRenewal;
}

/** How an expiring token is renewed without asking the person again. */
export interface TokenRenewal {
  refreshToken: string;
  /** Epoch milliseconds; unset when the server did not say. */
  expiresAt?: number;
}

/** Registered OAuth apps, one per server and redirect URI, so we register only once. */
const mastodonApps = defineVaultItem<RegisteredApp>('mastodon-app');

/** The redirect URI depends on the extension id, so an app is registered per server and per URI. */
function appKey(origin: string, redirectUri: string): string {
  return `${origin} ${redirectUri}`;
}

/**
 * In-progress authorizations, keyed by `state`. Session storage survives a service-worker restart
 * while the user is on the consent page, and is not exposed to content scripts.
 */
const pendingStorage = storage.defineItem<Record<string, PendingAuthorization>>(
  'session:mastodonPending',
  { fallback: {} },
);

const PENDING_TTL_MS = 30 * 60 * 1000;

async function registerApp(
  origin: string,
  redirectUri: string,
  scopes: string,
): Promise<RegisteredApp> {
  const key = appKey(origin, redirectUri);
  const known = await mastodonApps.get(key);
  if (known) return known;
  const host = new URL(origin).host;
  const answer = await fetchJson(`${origin}/api/v1/apps`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Crosswind',
      redirect_uris: redirectUri,
      scopes,
      website: 'https://github.com/crosswind-social/crosswind',
    }),
  });
  if (answer.isWebPage || answer.status >= 500) requireJson(answer, host);
  const body = fieldsOf(answer.json);
  const clientId = stringField(body, 'client_id');
  const clientSecret = stringField(body, 'client_secret');
  const said = stringField(body, 'error');
  if (!answer.ok || !clientId || !clientSecret) {
    throw new CrosswindError(
      'unsupported',
      said
        ? words('mastodon.noAppSaid', { host, said })
        : words('mastodon.noApp', { host, status: answer.status }),
      { status: answer.status, ...(said && { detail: said }) },
    );
  }
  const app = { clientId, clientSecret };
  await mastodonApps.set(key, app);
  return app;
}

/** Starts the authorization-code flow with PKCE and returns the consent page to open. */
export async function beginMastodonAuthorization(
  serverInput: string,
  flavor: MastodonFlavor = MASTODON_FLAVOR,
  software?: ServerSoftware,
): Promise<string> {
  const origin = normalizeServerUrl(serverInput, 'Mastodon server');
  // Checking the instance first gives a clear "not a Mastodon server" before any registration.
  await fetchMastodonLimits(origin, flavor.defaultLimits);
  const redirectUri = browser.identity.getRedirectURL();
  const scopes = flavor.scopes;
  const app = await registerApp(origin, redirectUri, scopes);
  const state = randomToken(24);
  const verifier = randomToken(48);
  const pending = await pendingStorage.getValue();
  const now = Date.now();
  const fresh = Object.fromEntries(
    Object.entries(pending).filter(([, item]) => now - item.startedAt < PENDING_TTL_MS),
  );
  fresh[state] = {
    state,
    verifier,
    origin,
    redirectUri,
    clientId: app.clientId,
    startedAt: now,
    scopes,
    ...(software && { software }),
  };
  await pendingStorage.setValue(fresh);
  const url = new URL('/oauth/authorize', origin);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: redirectUri,
    scope: scopes,
    state,
    code_challenge: await s256Challenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** Forgets a pending authorization the user abandoned. */
export async function forgetMastodonAuthorization(state: string | undefined): Promise<void> {
  if (!state) return;
  const pending = await pendingStorage.getValue();
  delete pending[state];
  await pendingStorage.setValue(pending);
}

/** Checks the redirect (state, error) and trades the code for a token. */
export async function completeMastodonAuthorization(
  redirectUrl: string,
  flavor: MastodonFlavor = MASTODON_FLAVOR,
): Promise<MastodonGrant> {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    throw new CrosswindError('auth', words('mastodon.unreadableRedirect'));
  }
  const params = url.searchParams;
  const state = params.get('state') ?? '';
  const pending = await pendingStorage.getValue();
  const flow = pending[state];
  if (!flow) {
    throw new CrosswindError('auth', words('mastodon.stateMismatch'));
  }
  delete pending[state];
  await pendingStorage.setValue(pending);
  const host = new URL(flow.origin).host;
  const error = params.get('error');
  if (error) {
    if (error === 'access_denied') {
      throw new CrosswindError('cancelled', words('mastodon.declined', { host }));
    }
    throw new CrosswindError(
      'auth',
      words('mastodon.authRefused', { host, said: params.get('error_description') ?? error }),
    );
  }
  const code = params.get('code');
  if (!code) throw new CrosswindError('auth', words('mastodon.noCode', { host }));
  const app = await mastodonApps.get(appKey(flow.origin, flow.redirectUri));
  if (!app) throw new CrosswindError('auth', words('mastodon.appLost'));

  let answer: HttpAnswer;
  try {
    answer = await fetchJson(`${flow.origin}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        client_id: app.clientId,
        client_secret: app.clientSecret,
        redirect_uri: flow.redirectUri,
        code_verifier: flow.verifier,
        scope: flow.scopes ?? MASTODON_FLAVOR.scopes,
      }),
    });
  } catch (cause) {
    const known = toCrosswindError(cause);
    if (known.kind !== 'network') throw known;
    throw new CrosswindError('network', words('mastodon.tokenUnreachable', { host }), { cause });
  }
  if (answer.isWebPage || answer.status >= 500) requireJson(answer, host);
  const body = fieldsOf(answer.json);
  const accessToken = stringField(body, 'access_token');
  if (!answer.ok || !accessToken) {
    const said = stringField(body, 'error_description') ?? stringField(body, 'error');
    throw new CrosswindError(
      'auth',
      said
        ? words('mastodon.noGrantSaid', { host, said })
        : words('mastodon.noGrant', { host, status: answer.status }),
      { status: answer.status, ...(said && { detail: said }) },
    );
  }
  const limits = await fetchMastodonLimits(
    flow.origin,
    flavor.defaultLimits,
    NETWORK_INFO[flavor.network].name,
  );
  const renewal = renewalOf(body);
  return {
    origin: flow.origin,
    accessToken,
    clientId: app.clientId,
    limits,
    network: flavor.network,
    ...(flow.software && { software: flow.software }),
    ...(renewal && { renewal }),
  };
}

/** The refresh token a token answer carries, checked like every other field the server sends. */
function renewalOf(body: Record<string, unknown> | undefined): TokenRenewal | undefined {
  const refreshToken = stringField(body, 'refresh_token');
  if (!refreshToken) return undefined;
  const expiresIn = body?.expires_in;
  return {
    refreshToken,
    ...(typeof expiresIn === 'number' &&
      Number.isFinite(expiresIn) &&
      expiresIn > 0 && { expiresAt: Date.now() + expiresIn * 1000 }),
  };
}

/**
 * Trades a refresh token for a new access token (OAuth `refresh_token` grant). Undefined when the
 * server will not renew it: then, and only then, the person has to reconnect.
 */
export async function renewMastodonToken(
  origin: string,
  renewal: TokenRenewal,
): Promise<{ accessToken: string; renewal: TokenRenewal } | undefined> {
  const redirectUri = browser.identity.getRedirectURL();
  const app = await mastodonApps.get(appKey(origin, redirectUri));
  if (!app) return undefined;
  const host = new URL(origin).host;
  const answer = await fetchJson(`${origin}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: renewal.refreshToken,
      client_id: app.clientId,
      client_secret: app.clientSecret,
    }),
  });
  // A proxy page or an outage says nothing about the refresh token: it is not a refusal.
  if (answer.isWebPage || answer.status >= 500) requireJson(answer, host);
  const body = fieldsOf(answer.json);
  const accessToken = stringField(body, 'access_token');
  if (!answer.ok || !accessToken) return undefined;
  // Servers may rotate the refresh token; one that does not keeps the old one valid.
  return { accessToken, renewal: renewalOf(body) ?? { refreshToken: renewal.refreshToken } };
}

/** Revokes a token; a server that cannot be reached must not keep the user from removing it. */
export async function revokeMastodonToken(origin: string, token: string): Promise<void> {
  const redirectUri = browser.identity.getRedirectURL();
  const app = await mastodonApps.get(appKey(origin, redirectUri));
  if (!app) return;
  await fetchJson(`${origin}/oauth/revoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, client_id: app.clientId, client_secret: app.clientSecret }),
  }).catch(() => undefined);
}

function fieldsOf(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A non-empty string the server sent under `key`; anything else counts as not sent. */
function stringField(body: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = body?.[key];
  return typeof value === 'string' && value.length > 0 && value.length <= 4096 ? value : undefined;
}
