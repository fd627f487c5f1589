import type { Faults } from './faults';
import type { RateLimiter } from './ratelimit';
import type { ResolvedOptions, ServerState, UserRecord } from './types';

/** Everything handlers share: options, data, and where the server listens. */
export interface Runtime {
  options: ResolvedOptions;
  state: ServerState;
  faults: Faults;
  limiter: RateLimiter;
  /** e.g. http://127.0.0.1:43123 */
  baseUrl: string;
  /** e.g. 127.0.0.1:43123 */
  host: string;
}

/** The local user with that username (case-insensitive, as Misskey's usernameLower). */
export function userByUsername(rt: Runtime, username: string): UserRecord | undefined {
  const wanted = username.toLowerCase();
  return rt.state.users.find((user) => user.username.toLowerCase() === wanted);
}

/** The record with that id. */
export function byId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  return list.find((item) => item.id === id);
}
