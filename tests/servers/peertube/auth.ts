import { newToken } from './ids';
import { json, ProblemError } from './problem';
import { liveToken, type Runtime } from './runtime';
import type { TokenRecord, UserRecord } from './types';

// PeerTube's login (server/core/lib/auth/oauth.ts, controllers/api/users/token.ts): the
// instance's one local OAuth client, the password and refresh_token grants, and the two-factor
// code in the `x-peertube-otp` header.

/** `GET /api/v1/oauth-clients/local`. */
export function localClient(rt: Runtime): Response {
  return json({ client_id: rt.state.client.id, client_secret: rt.state.client.secret });
}

function issue(rt: Runtime, user: UserRecord, now: number): Response {
  const issued: TokenRecord = {
    accessToken: newToken(),
    refreshToken: newToken(),
    userId: user.id,
    accessExpiresAt: now + rt.options.accessTokenLifetime * 1000,
    refreshExpiresAt: now + rt.options.refreshTokenLifetime * 1000,
    revoked: false,
  };
  rt.state.tokens.push(issued);
  return json(
    {
      token_type: 'Bearer',
      access_token: issued.accessToken,
      refresh_token: issued.refreshToken,
      expires_in: rt.options.accessTokenLifetime,
      refresh_token_expires_in: rt.options.refreshTokenLifetime,
    },
    200,
    { 'cache-control': 'no-store', pragma: 'no-cache' },
  );
}

/** `POST /api/v1/users/token`: form-encoded, as the OAuth library insists. */
export function token(
  rt: Runtime,
  contentType: string,
  body: URLSearchParams,
  otp: string | undefined,
  now = Date.now(),
): Response {
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new ProblemError(
      400,
      'Invalid request: content must be application/x-www-form-urlencoded',
      'invalid_request',
    );
  }
  const clientId = body.get('client_id');
  const clientSecret = body.get('client_secret');
  if (!clientId || !clientSecret) {
    throw new ProblemError(
      400,
      'Invalid client: cannot retrieve client credentials',
      'invalid_client',
    );
  }
  if (clientId !== rt.state.client.id || clientSecret !== rt.state.client.secret) {
    throw new ProblemError(400, 'Invalid client: client is invalid', 'invalid_client');
  }
  const grant = body.get('grant_type');
  if (!grant) throw new ProblemError(400, 'Missing parameter: `grant_type`', 'invalid_request');
  if (grant === 'password') {
    const username = body.get('username');
    const password = body.get('password');
    if (!username) throw new ProblemError(400, 'Missing parameter: `username`', 'invalid_request');
    if (!password) throw new ProblemError(400, 'Missing parameter: `password`', 'invalid_request');
    const user = rt.state.users.find((item) => item.username === username.toLowerCase());
    if (!user || user.password !== password) {
      throw new ProblemError(400, 'Invalid grant: user credentials are invalid', 'invalid_grant');
    }
    if (user.otp !== undefined) {
      if (!otp) {
        throw new ProblemError(401, 'Missing two factor header', 'missing_two_factor', {
          'x-peertube-otp': 'required; app',
        });
      }
      if (otp !== user.otp)
        throw new ProblemError(400, 'Invalid two factor header', 'invalid_two_factor');
    }
    return issue(rt, user, now);
  }
  if (grant === 'refresh_token') {
    const refresh = body.get('refresh_token');
    if (!refresh)
      throw new ProblemError(400, 'Missing parameter: `refresh_token`', 'invalid_request');
    const found = rt.state.tokens.find((item) => item.refreshToken === refresh && !item.revoked);
    if (!found)
      throw new ProblemError(400, 'Invalid grant: refresh token is invalid', 'invalid_grant');
    if (found.refreshExpiresAt < now) {
      throw new ProblemError(400, 'Invalid grant: refresh token has expired', 'invalid_grant');
    }
    // The old pair is revoked: a refresh token works once.
    found.revoked = true;
    const user = rt.state.users.find((item) => item.id === found.userId);
    if (!user)
      throw new ProblemError(400, 'Invalid grant: refresh token is invalid', 'invalid_grant');
    return issue(rt, user, now);
  }
  throw new ProblemError(
    400,
    'Unsupported grant type: `grant_type` is invalid',
    'unsupported_grant_type',
  );
}

/** The signed-in user, or the 401 PeerTube's `authenticate` middleware answers. */
export function authenticate(rt: Runtime, authorization: string | undefined): UserRecord {
  const found = liveToken(rt, authorization);
  const user = found && rt.state.users.find((item) => item.id === found.userId);
  if (!user) {
    // PeerTube's `authenticate` answers "Token is invalid" with oauth2-server's error name.
    const code = /^Bearer\s+\S/i.test(authorization ?? '')
      ? 'invalid_token'
      : 'unauthorized_request';
    throw new ProblemError(401, 'Token is invalid', code);
  }
  return user;
}
