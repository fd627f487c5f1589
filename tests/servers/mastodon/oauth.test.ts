import { describe, expect, it } from 'vitest';
import {
  REDIRECT_URI,
  authorizeQuery,
  call,
  pkce,
  registerApp,
  startServer,
  submitConsent,
  userToken,
  userGrant,
} from './testing';

const INVALID_GRANT = {
  error: 'invalid_grant',
  error_description:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
};
const INVALID_CLIENT = {
  error: 'invalid_client',
  error_description:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
};

describe('POST /api/v1/apps', () => {
  it('registers an app and answers a CredentialApplication', async () => {
    const server = await startServer();
    const answer = await call(server, 'POST', '/api/v1/apps', {
      json: {
        client_name: 'Crosswind',
        redirect_uris: [REDIRECT_URI, 'urn:ietf:wg:oauth:2.0:oob'],
        scopes: 'write:statuses write:media read:accounts',
        website: 'https://crosswind.example',
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      name: 'Crosswind',
      website: 'https://crosswind.example',
      scopes: ['write:statuses', 'write:media', 'read:accounts'],
      redirect_uri: `${REDIRECT_URI}\nurn:ietf:wg:oauth:2.0:oob`,
      redirect_uris: [REDIRECT_URI, 'urn:ietf:wg:oauth:2.0:oob'],
      vapid_key: expect.stringMatching(/^B[A-Za-z0-9_-]{86}=$/),
      client_id: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      client_secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      client_secret_expires_at: 0,
    });
  });

  it('accepts form encoding with redirect_uris[] and defaults scopes to read', async () => {
    const server = await startServer();
    const answer = await call(server, 'POST', '/api/v1/apps', {
      form: { client_name: 'Form app', 'redirect_uris[]': [REDIRECT_URI] },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ scopes: ['read'], redirect_uris: [REDIRECT_URI] });
  });

  it.each([
    [{ redirect_uris: REDIRECT_URI }, "Validation failed: Application name can't be blank"],
    [{ client_name: 'x' }, "Validation failed: Redirect URI can't be blank"],
    [
      { client_name: 'x', redirect_uris: 'not-a-uri' },
      'Validation failed: Redirect URI must be an absolute URI.',
    ],
    [
      { client_name: 'x', redirect_uris: 'https://app.example/cb#frag' },
      'Validation failed: Redirect URI cannot contain a fragment.',
    ],
    [
      { client_name: 'x', redirect_uris: REDIRECT_URI, scopes: 'read launch:missiles' },
      "Validation failed: Scopes doesn't match configured on the server.",
    ],
    [
      { client_name: 'x'.repeat(61), redirect_uris: REDIRECT_URI },
      'Validation failed: Application name is too long (maximum is 60 characters)',
    ],
  ])('refuses %j with 422', async (fields, error) => {
    const server = await startServer();
    const answer = await call(server, 'POST', '/api/v1/apps', { json: fields });
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({ error });
  });
});

describe('GET /.well-known/oauth-authorization-server', () => {
  it('publishes the endpoints, S256 and the scopes', async () => {
    const server = await startServer();
    const answer = await call(server, 'GET', '/.well-known/oauth-authorization-server');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      issuer: `${server.url}/`,
      authorization_endpoint: `${server.url}/oauth/authorize`,
      token_endpoint: `${server.url}/oauth/token`,
      revocation_endpoint: `${server.url}/oauth/revoke`,
      app_registration_endpoint: `${server.url}/api/v1/apps`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'client_credentials'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: expect.arrayContaining(['read', 'write', 'write:statuses', 'profile']),
    });
  });
});

describe('GET /oauth/authorize', () => {
  it('shows an accessible consent page naming the app, the user and the scopes', async () => {
    const server = await startServer();
    const app = await registerApp(server, { scopes: 'write:statuses read:accounts' });
    const query = new URLSearchParams(
      authorizeQuery(app, { scope: 'write:statuses read:accounts' }),
    );
    const answer = await call(server, 'GET', `/oauth/authorize?${query.toString()}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.text).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(answer.text).toContain('<h1>Crosswind wants to access your account @alice</h1>');
    expect(answer.text).toContain('<code>write:statuses</code>');
    expect(answer.text).toContain('<code>read:accounts</code>');
    expect(answer.text).toContain('<button type="submit" class="primary">Authorize</button>');
    expect(answer.text).toContain('<button type="submit" class="secondary">Deny</button>');
  });

  it('redirects with a code and the state when authorized', async () => {
    const server = await startServer();
    const app = await registerApp(server);
    const location = await submitConsent(server, authorizeQuery(app), 'authorize');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('code')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it('redirects with access_denied when denied', async () => {
    const server = await startServer();
    const app = await registerApp(server);
    const location = await submitConsent(server, authorizeQuery(app), 'deny');
    expect(location.search).toBe(
      '?error=access_denied&error_description=The+resource+owner+or+authorization+server+denied+the+request.&state=state-123',
    );
  });

  it('redirects at once with autoApprove', async () => {
    const server = await startServer({ autoApprove: true });
    const app = await registerApp(server);
    const query = new URLSearchParams(authorizeQuery(app));
    const answer = await call(server, 'GET', `/oauth/authorize?${query.toString()}`);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toMatch(
      /^https:\/\/extension-id\.chromiumapp\.org\/\?code=[A-Za-z0-9_-]{43}&state=state-123$/,
    );
  });

  it('shows an error page, not a redirect, for an unknown client or redirect URI', async () => {
    const server = await startServer();
    const app = await registerApp(server);
    const unknown = new URLSearchParams(authorizeQuery(app, { client_id: 'nope' }));
    const unknownAnswer = await call(server, 'GET', `/oauth/authorize?${unknown.toString()}`);
    expect(unknownAnswer.status).toBe(401);
    expect(unknownAnswer.headers.get('location')).toBeNull();
    expect(unknownAnswer.text).toContain(INVALID_CLIENT.error_description);

    const elsewhere = new URLSearchParams(
      authorizeQuery(app, { redirect_uri: 'https://evil.example/steal' }),
    );
    const elsewhereAnswer = await call(server, 'GET', `/oauth/authorize?${elsewhere.toString()}`);
    expect(elsewhereAnswer.status).toBe(400);
    expect(elsewhereAnswer.headers.get('location')).toBeNull();
    expect(elsewhereAnswer.text).toContain('The redirect uri included is not valid.');
  });

  it('redirects with invalid_scope for scopes the app did not register', async () => {
    const server = await startServer();
    const app = await registerApp(server, { scopes: 'read' });
    const query = new URLSearchParams(authorizeQuery(app, { scope: 'read write' }));
    const answer = await call(server, 'GET', `/oauth/authorize?${query.toString()}`);
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('invalid_scope');
    expect(location.searchParams.get('error_description')).toBe(
      'The requested scope is invalid, unknown, or malformed.',
    );
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it('acts for the user the control switch signs in', async () => {
    const server = await startServer({
      users: [
        { username: 'alice', displayName: 'Alice Sandbox' },
        { username: 'bob', displayName: 'Bob Sandbox' },
      ],
    });
    server.control.setSignedInUser('bob');
    const token = await userToken(server);
    const me = await call(server, 'GET', '/api/v1/accounts/verify_credentials', { token });
    expect(me.body).toMatchObject({ username: 'bob', display_name: 'Bob Sandbox' });
  });
});

/** A server, an app and an authorization code, with a way to trade the code. */
async function codeFor(withChallenge: boolean) {
  const server = await startServer();
  const app = await registerApp(server);
  const { verifier, challenge } = pkce();
  const extra: Record<string, string> = withChallenge
    ? { code_challenge: challenge, code_challenge_method: 'S256' }
    : {};
  const location = await submitConsent(server, authorizeQuery(app, extra), 'authorize');
  const code = location.searchParams.get('code') ?? '';
  const exchange = (fields: Record<string, string>) =>
    call(server, 'POST', '/oauth/token', {
      form: {
        grant_type: 'authorization_code',
        code,
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: REDIRECT_URI,
        ...fields,
      },
    });
  return { server, app, verifier, exchange };
}

describe('POST /oauth/token', () => {
  it('trades a code and the right verifier for a token, once', async () => {
    const { verifier, exchange } = await codeFor(true);
    const before = Math.floor(Date.now() / 1000);
    const first = await exchange({ code_verifier: verifier });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.body).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      token_type: 'Bearer',
      scope: 'read write',
      created_at: expect.any(Number),
    });
    expect((first.body as { created_at: number }).created_at).toBeGreaterThanOrEqual(before);

    const reused = await exchange({ code_verifier: verifier });
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual(INVALID_GRANT);
  });

  it('refuses a wrong verifier with invalid_grant', async () => {
    const { exchange } = await codeFor(true);
    const answer = await exchange({ code_verifier: pkce().verifier });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(INVALID_GRANT);
  });

  it('asks for a missing verifier as Doorkeeper does', async () => {
    const { exchange } = await codeFor(true);
    const answer = await exchange({});
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: 'invalid_request',
      error_description: 'Missing required parameter: code_verifier.',
    });
  });

  it('refuses a wrong client secret with 401 invalid_client', async () => {
    const { verifier, exchange } = await codeFor(true);
    const answer = await exchange({ code_verifier: verifier, client_secret: 'wrong' });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(INVALID_CLIENT);
    expect(answer.headers.get('www-authenticate')).toContain('error="invalid_client"');
  });

  it('refuses a code after its ten minutes are up', async () => {
    const { server, verifier, exchange } = await codeFor(true);
    const grant = server.state.grants[0];
    if (!grant) throw new Error('no grant recorded');
    expect(grant.expiresAt.getTime() - grant.createdAt.getTime()).toBe(10 * 60 * 1000);
    grant.expiresAt = new Date(Date.now() - 1);
    const answer = await exchange({ code_verifier: verifier });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(INVALID_GRANT);
  });

  it('refuses a redirect URI other than the one authorized', async () => {
    const { exchange } = await codeFor(false);
    const answer = await exchange({ redirect_uri: 'https://other.example/' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual(INVALID_GRANT);
  });

  it('works without PKCE when none was asked for', async () => {
    const { exchange } = await codeFor(false);
    expect((await exchange({})).status).toBe(200);
  });

  it('gives app tokens for client_credentials, which act for nobody', async () => {
    const server = await startServer();
    const app = await registerApp(server);
    const answer = await call(server, 'POST', '/oauth/token', {
      json: {
        grant_type: 'client_credentials',
        client_id: app.client_id,
        client_secret: app.client_secret,
        scope: 'read',
      },
    });
    expect(answer.status).toBe(200);
    const token = (answer.body as { access_token: string }).access_token;
    const verify = await call(server, 'GET', '/api/v1/apps/verify_credentials', { token });
    expect(verify.body).toMatchObject({ name: 'Crosswind', scopes: ['read', 'write'] });
    const me = await call(server, 'GET', '/api/v1/accounts/verify_credentials', { token });
    expect(me.status).toBe(422);
    expect(me.body).toEqual({ error: 'This method requires an authenticated user' });
  });

  it('refuses unknown grant types', async () => {
    const server = await startServer();
    const answer = await call(server, 'POST', '/oauth/token', { form: { grant_type: 'password' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: 'unsupported_grant_type',
      error_description:
        'The authorization grant type is not supported by the authorization server.',
    });
  });
});

describe('POST /oauth/revoke and API authentication', () => {
  it('revokes a token so the API refuses it', async () => {
    const server = await startServer();
    const { app, token } = await userGrant(server);
    expect(
      (await call(server, 'GET', '/api/v1/accounts/verify_credentials', { token })).status,
    ).toBe(200);

    const revoke = await call(server, 'POST', '/oauth/revoke', {
      form: { token, client_id: app.client_id, client_secret: app.client_secret },
    });
    expect(revoke.status).toBe(200);
    expect(revoke.body).toEqual({});

    const after = await call(server, 'GET', '/api/v1/accounts/verify_credentials', { token });
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ error: 'The access token was revoked' });
  });

  it('answers 401 without a token or with an unknown one', async () => {
    const server = await startServer();
    for (const token of [undefined, 'made-up']) {
      const answer = await call(server, 'POST', '/api/v1/statuses', {
        json: { status: 'hi' },
        ...(token ? { token } : {}),
      });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error: 'The access token is invalid' });
      expect(answer.headers.get('www-authenticate')).toBe(
        'Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid"',
      );
    }
  });

  it('answers 403 for a token without the scope', async () => {
    const server = await startServer();
    const token = await userToken(server, 'read');
    const answer = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'hi' },
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ error: 'This action is outside the authorized scopes' });
  });

  it('lets `profile` read verify_credentials, with an absolute avatar URL that serves a PNG', async () => {
    const server = await startServer({
      users: [{ username: 'alice', displayName: 'Alice Sandbox', defaultPrivacy: 'unlisted' }],
    });
    const token = await userToken(server, 'profile');
    const me = await call(server, 'GET', '/api/v1/accounts/verify_credentials', { token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      username: 'alice',
      acct: 'alice',
      display_name: 'Alice Sandbox',
      url: `${server.url}/@alice`,
      locked: false,
      bot: false,
      followers_count: 0,
      source: { privacy: 'unlisted', sensitive: false, note: '', fields: [] },
      emojis: [],
      fields: [],
    });
    const avatar = await fetch((me.body as { avatar: string }).avatar);
    expect(avatar.status).toBe(200);
    expect(avatar.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await avatar.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });
});
