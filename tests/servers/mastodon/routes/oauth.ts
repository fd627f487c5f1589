import { createHash, timingSafeEqual } from 'node:crypto';
import { authorize } from '../auth';
import { html, header, json, redirect, type Ctx, type Reply } from '../http';
import { secret } from '../ids';
import { isBlank, type Params } from '../multipart';
import { consentPage, nativeCodePage, oauthErrorPage } from '../pages';
import { OOB_URI, redirectUriAllowed, withQuery } from '../redirect-uris';
import { byId, accountByUsername, type Runtime } from '../runtime';
import { route, type Route } from '../router';
import { ALL_SCOPES, DEFAULT_SCOPES, knownScopes, parseScopes, scopesValid } from '../scopes';
import { rulesOf } from '../flavors';
import type { AccountRecord, AppRecord, GrantRecord, TokenRecord } from '../types';

// Doorkeeper as Mastodon configures it: authorization code (with S256 PKCE) and client credentials,
// confidential clients, access tokens that never expire and are reused for the same scopes.

const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** Doorkeeper's error descriptions (config/locales/doorkeeper.en.yml). */
export const OAUTH_ERRORS = {
  invalid_client:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  invalid_redirect_uri: 'The redirect uri included is not valid.',
  invalid_scope: 'The requested scope is invalid, unknown, or malformed.',
  access_denied: 'The resource owner or authorization server denied the request.',
  unsupported_response_type: 'The authorization server does not support this response type.',
  unsupported_grant_type:
    'The authorization grant type is not supported by the authorization server.',
  unauthorized_client: 'The client is not authorized to perform this request using this method.',
  invalid_code_challenge_method: 'The code_challenge_method must be S256.',
  revoke_unauthorized: 'You are not authorized to revoke this token',
} as const;

function missingParam(name: string): string {
  return `Missing required parameter: ${name}.`;
}

/** A token-endpoint error: JSON body plus the same in WWW-Authenticate. */
function tokenError(error: string, description: string): Reply {
  const status = error === 'invalid_client' ? 401 : 400;
  return json(
    status,
    { error, error_description: description },
    {
      'www-authenticate': `Bearer realm="Doorkeeper", error="${error}", error_description="${description}"`,
      'cache-control': 'no-store',
      pragma: 'no-cache',
    },
  );
}

interface PreAuthorization {
  app: AppRecord;
  redirectUri: string;
  scopes: string[];
  state: string | undefined;
  responseType: string;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
}

type PreAuthResult = { ok: true; value: PreAuthorization } | { ok: false; reply: Reply };

function findApp(rt: Runtime, clientId: string | undefined): AppRecord | undefined {
  if (!clientId) return undefined;
  for (const app of rt.state.apps) if (app.clientId === clientId) return app;
  return undefined;
}

/** Either redirects with the error or, where the URI cannot be trusted, shows it. */
function errorResponse(
  redirectUri: string | undefined,
  state: string | undefined,
  error: keyof typeof OAUTH_ERRORS | 'invalid_request',
  description: string,
  redirectable: boolean,
  status = 400,
): Reply {
  if (!redirectable || !redirectUri || redirectUri === OOB_URI) {
    return html(status, oauthErrorPage(description));
  }
  return redirect(
    withQuery(redirectUri, [
      ['error', error],
      ['error_description', description],
      ['state', state],
    ]),
  );
}

/** Doorkeeper's PreAuthorization validations, in its order. */
function preAuthorize(rt: Runtime, p: Params): PreAuthResult {
  const clientId = p.present('client_id');
  const redirectUri = p.string('redirect_uri');
  const state = p.string('state');
  const fail = (
    error: keyof typeof OAUTH_ERRORS | 'invalid_request',
    description: string,
    redirectable = true,
    status = 400,
  ): PreAuthResult => ({
    ok: false,
    reply: errorResponse(redirectUri, state, error, description, redirectable, status),
  });

  if (!clientId) return fail('invalid_request', missingParam('client_id'), false);
  const app = findApp(rt, clientId);
  if (!app) return fail('invalid_client', OAUTH_ERRORS.invalid_client, false, 401);
  if (!redirectUri || isBlank(redirectUri) || !redirectUriAllowed(redirectUri, app.redirectUris)) {
    return fail('invalid_redirect_uri', OAUTH_ERRORS.invalid_redirect_uri, false);
  }
  const responseType = p.string('response_type');
  // Without `scope`, Doorkeeper asks for the app's scopes that are also default scopes.
  const scopeText =
    p.present('scope') ?? app.scopes.filter((scope) => DEFAULT_SCOPES.includes(scope)).join(' ');
  if (!responseType || isBlank(responseType)) {
    return fail('invalid_request', missingParam('response_type'));
  }
  if (scopeText === '') return fail('invalid_request', missingParam('scope'));
  if (responseType !== 'code') {
    return fail('unsupported_response_type', OAUTH_ERRORS.unsupported_response_type);
  }
  if (!scopesValid(scopeText, app.scopes, knownScopes(rt.options.flavor))) {
    return fail('invalid_scope', OAUTH_ERRORS.invalid_scope);
  }
  const codeChallenge = p.present('code_challenge');
  const codeChallengeMethod = p.present('code_challenge_method');
  if (codeChallenge && codeChallengeMethod !== 'S256') {
    return {
      ok: false,
      reply: errorResponse(
        redirectUri,
        state,
        'invalid_code_challenge_method',
        OAUTH_ERRORS.invalid_code_challenge_method,
        true,
      ),
    };
  }
  return {
    ok: true,
    value: {
      app,
      redirectUri,
      scopes: parseScopes(scopeText),
      state,
      responseType,
      codeChallenge,
      codeChallengeMethod: codeChallenge ? codeChallengeMethod : undefined,
    },
  };
}

function signedInAccount(rt: Runtime): AccountRecord {
  const account = accountByUsername(rt, rt.state.signedInUsername);
  if (!account) throw new Error(`signed-in user ${rt.state.signedInUsername} does not exist`);
  return account;
}

/** Creates the code and sends the browser back with it. */
function approve(rt: Runtime, pre: PreAuthorization): Reply {
  const now = new Date();
  const grant: GrantRecord = {
    code: secret(),
    appId: pre.app.id,
    accountId: signedInAccount(rt).id,
    redirectUri: pre.redirectUri,
    scopes: pre.scopes,
    codeChallenge: pre.codeChallenge ?? null,
    codeChallengeMethod: pre.codeChallengeMethod ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + CODE_LIFETIME_MS),
    revokedAt: null,
  };
  rt.state.grants.push(grant);
  if (pre.redirectUri === OOB_URI) {
    return redirect(`${rt.baseUrl}/oauth/authorize/native?code=${encodeURIComponent(grant.code)}`);
  }
  return redirect(
    withQuery(pre.redirectUri, [
      ['code', grant.code],
      ['state', pre.state],
    ]),
  );
}

function deny(pre: PreAuthorization): Reply {
  return errorResponse(
    pre.redirectUri,
    pre.state,
    'access_denied',
    OAUTH_ERRORS.access_denied,
    true,
  );
}

async function showAuthorization(ctx: Ctx): Promise<Reply> {
  const result = preAuthorize(ctx.rt, await ctx.params());
  if (!result.ok) return result.reply;
  const pre = result.value;
  if (ctx.rt.options.autoApprove) return approve(ctx.rt, pre);
  return html(
    200,
    consentPage(pre.app, signedInAccount(ctx.rt), ctx.rt.host, pre.scopes, {
      client_id: pre.app.clientId,
      redirect_uri: pre.redirectUri,
      state: pre.state,
      response_type: pre.responseType,
      scope: pre.scopes.join(' '),
      code_challenge: pre.codeChallenge,
      code_challenge_method: pre.codeChallengeMethod,
    }),
    { 'cache-control': 'private, no-store' },
  );
}

async function decide(ctx: Ctx, approved: boolean): Promise<Reply> {
  const p = await ctx.params();
  const result = preAuthorize(ctx.rt, p);
  if (!result.ok) return result.reply;
  // The Deny form tunnels DELETE through POST, as Rails forms do.
  const denied = !approved || p.string('_method')?.toLowerCase() === 'delete';
  return denied ? deny(result.value) : approve(ctx.rt, result.value);
}

function showNativeCode(ctx: Ctx): Reply {
  const code = ctx.url.searchParams.get('code') ?? '';
  return html(200, nativeCodePage(code));
}

/** Client credentials from HTTP Basic or the body (`client_secret_basic` / `client_secret_post`). */
function authenticateClient(rt: Runtime, ctx: Ctx, p: Params): AppRecord | undefined {
  let clientId = p.string('client_id');
  let clientSecret = p.string('client_secret');
  const authorization = header(ctx.headers, 'authorization');
  const basic = authorization ? /^Basic\s+(\S+)/i.exec(authorization) : null;
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) {
      clientId = decodeURIComponent(decoded.slice(0, colon));
      clientSecret = decodeURIComponent(decoded.slice(colon + 1));
    }
  }
  const app = findApp(rt, clientId);
  if (!app || !clientSecret) return undefined;
  const given = Buffer.from(clientSecret);
  const expected = Buffer.from(app.clientSecret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? app : undefined;
}

function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((scope) => b.includes(scope));
}

/** `reuse_access_token`: an accessible token for the same app, user and scopes is handed out again. */
function issueToken(
  rt: Runtime,
  app: AppRecord,
  accountId: string | null,
  scopes: string[],
): Reply {
  const lifetime = rulesOf(rt.options.flavor).tokenLifetimeSeconds;
  if (lifetime !== null && accountId !== null) return expiringToken(rt, app, accountId, scopes);
  let token: TokenRecord | undefined;
  for (const candidate of rt.state.tokens) {
    if (
      candidate.appId === app.id &&
      candidate.accountId === accountId &&
      !candidate.revokedAt &&
      sameScopes(candidate.scopes, scopes)
    ) {
      token = candidate;
    }
  }
  if (!token) {
    token = {
      token: secret(),
      appId: app.id,
      accountId,
      scopes,
      createdAt: new Date(),
      revokedAt: null,
    };
    rt.state.tokens.push(token);
  }
  return json(
    200,
    {
      access_token: token.token,
      token_type: 'Bearer',
      scope: token.scopes.join(' '),
      created_at: Math.floor(token.createdAt.getTime() / 1000),
    },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}

/**
 * Laravel Passport (Pixelfed): every grant is a new access token that expires, with a refresh
 * token that can be traded once for the next pair.
 */
function expiringToken(rt: Runtime, app: AppRecord, accountId: string, scopes: string[]): Reply {
  const lifetime = rulesOf(rt.options.flavor).tokenLifetimeSeconds ?? 0;
  const token: TokenRecord = {
    token: secret(),
    appId: app.id,
    accountId,
    scopes,
    createdAt: new Date(),
    revokedAt: null,
    expiresAt: new Date(Date.now() + lifetime * 1000),
    refreshToken: secret(),
  };
  rt.state.tokens.push(token);
  return json(
    200,
    {
      token_type: 'Bearer',
      expires_in: lifetime,
      access_token: token.token,
      refresh_token: token.refreshToken,
      scope: token.scopes.join(' '),
      created_at: Math.floor(token.createdAt.getTime() / 1000),
    },
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}

/** `grant_type=refresh_token`: the old pair is revoked, a new one issued; a used refresh token is refused. */
function refreshTokenGrant(ctx: Ctx, p: Params): Reply {
  const client = authenticateClient(ctx.rt, ctx, p);
  if (!client) return tokenError('invalid_client', OAUTH_ERRORS.invalid_client);
  const value = p.string('refresh_token');
  const old = value ? ctx.rt.state.tokens.find((token) => token.refreshToken === value) : undefined;
  // A revoked token's refresh token dies with it; an expired one's is what it is for.
  if (!old || old.appId !== client.id || !old.accountId || old.revokedAt) {
    return tokenError('invalid_grant', OAUTH_ERRORS.invalid_grant);
  }
  old.revokedAt = new Date();
  // Spent: the same refresh token cannot be traded twice.
  old.refreshToken = '';
  return expiringToken(ctx.rt, client, old.accountId, old.scopes);
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function authorizationCodeGrant(ctx: Ctx, p: Params): Reply {
  const rt = ctx.rt;
  const code = p.string('code');
  const redirectUri = p.string('redirect_uri');
  const verifier = p.string('code_verifier');
  const grant = code ? rt.state.grants.find((known) => known.code === code) : undefined;
  const client = authenticateClient(rt, ctx, p);
  if (grant?.codeChallenge && (!verifier || isBlank(verifier))) {
    return tokenError('invalid_request', missingParam('code_verifier'));
  }
  if (!redirectUri || isBlank(redirectUri)) {
    return tokenError('invalid_request', missingParam('redirect_uri'));
  }
  if (!client) return tokenError('invalid_client', OAUTH_ERRORS.invalid_client);
  const usable =
    grant !== undefined &&
    grant.appId === client.id &&
    !grant.revokedAt &&
    grant.expiresAt.getTime() > Date.now();
  if (!grant || !usable || grant.redirectUri !== redirectUri) {
    return tokenError('invalid_grant', OAUTH_ERRORS.invalid_grant);
  }
  // Doorkeeper refuses a verifier for a grant that had no challenge, too.
  if (grant.codeChallenge || verifier) {
    const matches =
      grant.codeChallengeMethod === 'S256' &&
      verifier !== undefined &&
      s256(verifier) === grant.codeChallenge;
    if (!matches) return tokenError('invalid_grant', OAUTH_ERRORS.invalid_grant);
  }
  grant.revokedAt = new Date();
  return issueToken(rt, client, grant.accountId, grant.scopes);
}

function clientCredentialsGrant(ctx: Ctx, p: Params): Reply {
  const client = authenticateClient(ctx.rt, ctx, p);
  if (!client) return tokenError('invalid_client', OAUTH_ERRORS.invalid_client);
  const requested =
    p.present('scope') ?? client.scopes.filter((scope) => DEFAULT_SCOPES.includes(scope)).join(' ');
  if (!scopesValid(requested, client.scopes, knownScopes(ctx.rt.options.flavor))) {
    return tokenError('invalid_scope', OAUTH_ERRORS.invalid_scope);
  }
  return issueToken(ctx.rt, client, null, parseScopes(requested));
}

async function createToken(ctx: Ctx): Promise<Reply> {
  const p = await ctx.params();
  const grantType = p.present('grant_type');
  if (!grantType) return tokenError('invalid_request', missingParam('grant_type'));
  if (grantType === 'authorization_code') return authorizationCodeGrant(ctx, p);
  if (grantType === 'client_credentials') return clientCredentialsGrant(ctx, p);
  if (grantType === 'refresh_token' && rulesOf(ctx.rt.options.flavor).tokenLifetimeSeconds) {
    return refreshTokenGrant(ctx, p);
  }
  return tokenError('unsupported_grant_type', OAUTH_ERRORS.unsupported_grant_type);
}

/** RFC 7009 as Doorkeeper does it: unknown tokens are fine, other clients' tokens are not. */
async function revokeToken(ctx: Ctx): Promise<Reply> {
  const p = await ctx.params();
  const client = authenticateClient(ctx.rt, ctx, p);
  if (!client) {
    return json(401, { error: 'invalid_client', error_description: OAUTH_ERRORS.invalid_client });
  }
  const value = p.string('token');
  const token = value ? ctx.rt.state.tokens.find((known) => known.token === value) : undefined;
  if (!token) return json(200, {});
  if (token.appId !== client.id) {
    return json(403, {
      error: 'unauthorized_client',
      error_description: OAUTH_ERRORS.revoke_unauthorized,
    });
  }
  token.revokedAt ??= new Date();
  return json(200, {});
}

/** RFC 8414 metadata, as Mastodon 4.4 publishes it. */
function metadata(ctx: Ctx): Reply {
  const base = ctx.rt.baseUrl;
  return json(200, {
    issuer: `${base}/`,
    service_documentation: 'https://docs.joinmastodon.org/',
    authorization_endpoint: `${base}/oauth/authorize`,
    token_endpoint: `${base}/oauth/token`,
    app_registration_endpoint: `${base}/api/v1/apps`,
    revocation_endpoint: `${base}/oauth/revoke`,
    userinfo_endpoint: `${base}/oauth/userinfo`,
    scopes_supported: ALL_SCOPES,
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    grant_types_supported: ['authorization_code', 'client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
  });
}

/** OpenID-style user info for `profile` tokens (Mastodon 4.4). */
function userInfo(ctx: Ctx): Reply {
  const token = authorize(ctx, ['profile']);
  const account = token.accountId ? byId(ctx.rt.state.accounts, token.accountId) : undefined;
  if (!account) return json(422, { error: 'This method requires an authenticated user' });
  const base = ctx.rt.baseUrl;
  return json(200, {
    iss: `${base}/`,
    sub: `${base}/users/${account.username}`,
    name: account.displayName,
    preferred_username: account.username,
    profile: `${base}/@${account.username}`,
    picture: `${base}/avatars/original/missing.png`,
  });
}

/** Everything under /oauth and the authorization server metadata. */
export const oauthRoutes: Route[] = [
  route('GET', '/oauth/authorize', showAuthorization),
  route('POST', '/oauth/authorize', (ctx) => decide(ctx, true)),
  route('DELETE', '/oauth/authorize', (ctx) => decide(ctx, false)),
  route('GET', '/oauth/authorize/native', showNativeCode),
  route('POST', '/oauth/token', createToken),
  route('POST', '/oauth/revoke', revokeToken),
  route('GET', '/oauth/userinfo', userInfo),
  route('POST', '/oauth/userinfo', userInfo),
  route('GET', '/.well-known/oauth-authorization-server', metadata),
];
