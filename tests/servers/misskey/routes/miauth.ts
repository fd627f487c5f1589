import { endpoint, type Endpoint } from '../api';
import { packUserDetailed } from '../entities';
import { jsonResponse } from '../errors';
import { aidx, token as newToken } from '../ids';
import { checkRequired, checkString, checkStringArray } from '../params';
import { byId, userByUsername, type Runtime } from '../runtime';
import type { TokenRecord } from '../types';

// MiAuth: the consent page (frontend pages/miauth.vue) calls `miauth/gen-token` with the signed-in
// person's own token; the app then calls `POST /api/miauth/:session/check`, which hands the token
// out exactly once (ApiServerService) and answers `{ ok: false }` before approval and after that.

/** The permissions misskey-js knows; the consent page drops any other (pages/miauth.vue). */
export const KNOWN_PERMISSIONS = [
  'read:account',
  'write:account',
  'read:blocks',
  'write:blocks',
  'read:drive',
  'write:drive',
  'read:favorites',
  'write:favorites',
  'read:following',
  'write:following',
  'read:messaging',
  'write:messaging',
  'read:mutes',
  'write:mutes',
  'write:notes',
  'read:notifications',
  'write:notifications',
  'read:reactions',
  'write:reactions',
  'write:votes',
  'read:pages',
  'write:pages',
  'read:channels',
  'write:channels',
  'read:gallery',
  'write:gallery',
  'read:flash',
  'write:flash',
] as const;

/** Makes the token a MiAuth session will hand out (what gen-token stores). */
export function grant(
  rt: Runtime,
  userId: string,
  session: string,
  details: { name: string | null; iconUrl: string | null; permission: string[] },
): TokenRecord {
  const record: TokenRecord = {
    id: aidx(),
    token: newToken(32),
    userId,
    session,
    fetched: false,
    permission: details.permission,
    name: details.name,
    iconUrl: details.iconUrl,
    createdAt: new Date(),
    revoked: false,
  };
  rt.state.tokens.push(record);
  return record;
}

const genToken = endpoint({
  name: 'miauth/gen-token',
  requireCredential: true,
  secure: true,
  handler({ rt, me, params }) {
    checkRequired(params, 'session');
    checkRequired(params, 'permission');
    checkString(params, 'session', { nullable: true });
    checkString(params, 'name', { nullable: true });
    checkString(params, 'description', { nullable: true });
    checkString(params, 'iconUrl', { nullable: true });
    checkStringArray(params, 'permission');
    const record = grant(rt, me!.id, params.session as string, {
      name: (params.name as string | null | undefined) ?? null,
      iconUrl: (params.iconUrl as string | null | undefined) ?? null,
      permission: params.permission as string[],
    });
    return { token: record.token };
  },
});

/** The endpoint list part of MiAuth. */
export const miauthEndpoints: Endpoint[] = [genToken];

/** POST /api/miauth/:session/check: the token once, then never again. */
export function checkSession(rt: Runtime, session: string): Response {
  const record = rt.state.tokens.find((candidate) => candidate.session === session);
  const user = record ? byId(rt.state.users, record.userId) : undefined;
  if (!record || record.fetched || record.revoked || !user) {
    return jsonResponse(200, { ok: false });
  }
  record.fetched = true;
  return jsonResponse(200, { ok: true, token: record.token, user: packUserDetailed(rt, user) });
}

/** Who the consent page acts for. */
export function signedInUser(rt: Runtime) {
  return userByUsername(rt, rt.state.signedInUsername);
}
