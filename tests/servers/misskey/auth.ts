import { ApiError, COMMON_ERRORS } from './errors';
import { byId, type Runtime } from './runtime';
import type { TokenRecord, UserRecord } from './types';

/** Who is calling: nobody, the web client (native token), or an app with a token. */
export interface Caller {
  user: UserRecord | null;
  /** The app token; null for the web client's own (native) token and for anonymous calls. */
  token: TokenRecord | null;
}

/**
 * The token as ApiCallService reads it: `Authorization: Bearer …` (RFC 6750, case-sensitive
 * scheme) wins over an `i` field in the body. Undefined when none; a non-string `i` is refused.
 */
export function tokenFrom(request: Request, body: Record<string, unknown>): unknown {
  const authorization = request.headers.get('authorization');
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7);
  return body.i;
}

/** AuthenticateService.authenticate: an unknown or revoked token is AUTHENTICATION_FAILED (401). */
export function authenticate(rt: Runtime, token: string | undefined): Caller {
  if (token === undefined || token === '') return { user: null, token: null };
  const native = rt.state.users.find((user) => user.nativeToken === token);
  if (native) return { user: native, token: null };
  const record = rt.state.tokens.find((candidate) => candidate.token === token);
  const user = record && !record.revoked ? byId(rt.state.users, record.userId) : undefined;
  if (!record || record.revoked || !user) {
    const message = COMMON_ERRORS.authenticationFailed.message;
    throw new ApiError(COMMON_ERRORS.authenticationFailed, undefined, {
      'www-authenticate': `Bearer realm="Misskey", error="invalid_token", error_description="${message}"`,
    });
  }
  return { user, token: record };
}
