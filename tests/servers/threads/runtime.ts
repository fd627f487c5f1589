import { randomBytes } from 'node:crypto';
import { ERRORS, MetaError } from './errors';
import type { FailRule, ServerState, ThreadsAppSpec, TokenRecord, UserRecord } from './types';

/** Everything a route needs: the state, the settings, the fake clock and the planned faults. */
export interface Runtime {
  state: ServerState;
  processingPolls: number;
  postQuota: number;
  replyQuota: number;
  autoApprove: boolean;
  /** Added to the real time: tests age tokens by days without waiting. */
  clockOffsetMs: number;
  failures: Array<Required<Pick<FailRule, 'times'>> & FailRule>;
  drops: Array<{ path: string; method?: string; times: number }>;
  delays: Array<{ path: string; method?: string; times: number; ms: number }>;
  processingFailures: string[];
  baseUrl: string;
  nextId: bigint;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Meta: short-lived tokens last one hour, long-lived ones 60 days. */
export const SHORT_LIVED_MS = HOUR_MS;
export const LONG_LIVED_MS = 60 * DAY_MS;

export function now(rt: Runtime): number {
  return Date.now() + rt.clockOffsetMs;
}

/** Ids as Meta gives them: long decimal strings, never reused. */
export function newId(rt: Runtime): string {
  rt.nextId += 1n + BigInt(Math.floor(Math.random() * 1000));
  return rt.nextId.toString();
}

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(24).toString('base64url')}`;
}

export function userById(rt: Runtime, id: string): UserRecord | undefined {
  return rt.state.users.find((user) => user.id === id);
}

export function appById(rt: Runtime, appId: string): ThreadsAppSpec | undefined {
  return rt.state.apps.find((app) => app.appId === appId);
}

/** The token of a Graph request: `access_token` in the query or form, or a bearer header. */
export function tokenOf(request: Request, params: URLSearchParams): string | undefined {
  const header = request.headers.get('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  return params.get('access_token') ?? undefined;
}

/** The live token for a request, or Meta's error 190 (with subcode 463 once it expired). */
export function requireToken(rt: Runtime, token: string | undefined): TokenRecord {
  if (!token) throw new MetaError(ERRORS.missingParameter('access_token'));
  const record = rt.state.tokens.find((item) => item.token === token);
  if (!record || record.revoked) throw new MetaError(ERRORS.invalidToken());
  if (record.expiresAt <= now(rt)) throw new MetaError(ERRORS.invalidToken(463));
  return record;
}

export function requireScope(token: TokenRecord, scope: string): void {
  if (!token.scopes.includes(scope)) throw new MetaError(ERRORS.missingPermission(scope));
}
