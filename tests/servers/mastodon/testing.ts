import { createHash, randomBytes } from 'node:crypto';
import { onTestFinished } from 'vitest';
import { startMastodonServer, type MastodonServer, type MastodonServerOptions } from './index';

// Helpers for this server's own tests: a server per test, and the OAuth dance done over HTTP.

/** The redirect URI a Chromium extension gets from identity.getRedirectURL(). */
export const REDIRECT_URI = 'https://extension-id.chromiumapp.org/';

/** Starts a server for the current test and closes it when the test ends. */
export async function startServer(options: MastodonServerOptions = {}): Promise<MastodonServer> {
  const server = await startMastodonServer(options);
  onTestFinished(() => server.close());
  return server;
}

/** A response read whole. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body: unknown;
}

/** Sends one request; `json`, `form` and `multipart` pick the body encoding. */
export async function call(
  server: MastodonServer,
  method: string,
  path: string,
  options: {
    token?: string;
    json?: unknown;
    form?: Record<string, string | string[]>;
    multipart?: FormData;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | FormData | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(options.form)) {
      for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
    }
    body = params.toString();
  } else if (options.multipart) {
    body = options.multipart;
  }
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** A registered app's credentials. */
export interface TestApp {
  id: string;
  client_id: string;
  client_secret: string;
}

/** POST /api/v1/apps with sensible defaults. */
export async function registerApp(
  server: MastodonServer,
  fields: Record<string, unknown> = {},
): Promise<TestApp> {
  const answer = await call(server, 'POST', '/api/v1/apps', {
    json: {
      client_name: 'Crosswind',
      redirect_uris: REDIRECT_URI,
      scopes: 'read write',
      website: 'https://crosswind.example',
      ...fields,
    },
  });
  if (answer.status !== 200) throw new Error(`app registration failed: ${answer.text}`);
  return answer.body as TestApp;
}

/** A PKCE verifier and its S256 challenge. */
export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** The authorize URL's query for an app. */
export function authorizeQuery(
  app: TestApp,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    response_type: 'code',
    client_id: app.client_id,
    redirect_uri: REDIRECT_URI,
    scope: 'read write',
    state: 'state-123',
    ...extra,
  };
}

/** Clicks Authorize (or Deny) on the consent page: the POST the page's form sends. */
export async function submitConsent(
  server: MastodonServer,
  query: Record<string, string>,
  decision: 'authorize' | 'deny',
): Promise<URL> {
  const form = decision === 'deny' ? { ...query, _method: 'delete' } : query;
  const answer = await call(server, 'POST', '/oauth/authorize', { form });
  if (answer.status !== 302) throw new Error(`expected a redirect, got ${answer.status}`);
  return new URL(answer.headers.get('location') ?? '');
}

/** The whole code flow with PKCE; returns the app and a user token with `scope`. */
export async function userGrant(
  server: MastodonServer,
  scope = 'read write',
): Promise<{ app: TestApp; token: string }> {
  const app = await registerApp(server, { scopes: scope });
  const { verifier, challenge } = pkce();
  const redirect = await submitConsent(
    server,
    authorizeQuery(app, { scope, code_challenge: challenge, code_challenge_method: 'S256' }),
    'authorize',
  );
  const answer = await call(server, 'POST', '/oauth/token', {
    form: {
      grant_type: 'authorization_code',
      code: redirect.searchParams.get('code') ?? '',
      client_id: app.client_id,
      client_secret: app.client_secret,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    },
  });
  if (answer.status !== 200) throw new Error(`token exchange failed: ${answer.text}`);
  return { app, token: (answer.body as { access_token: string }).access_token };
}

/** A user token with `scope`, from the whole code flow. */
export async function userToken(server: MastodonServer, scope = 'read write'): Promise<string> {
  return (await userGrant(server, scope)).token;
}

/** A multipart body with one file and optional text fields. */
export function upload(
  bytes: Buffer,
  type: string,
  fields: Record<string, string> = {},
  name = 'picture.png',
): FormData {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  return form;
}
