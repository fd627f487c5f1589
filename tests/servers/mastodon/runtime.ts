import type { Faults } from './faults';
import type { RateLimiter } from './ratelimit';
import type { AccountRecord, ResolvedOptions, ServerState } from './types';

/** Everything handlers share: options, data, and where the server listens. */
export interface Runtime {
  options: ResolvedOptions;
  state: ServerState;
  faults: Faults;
  rateLimiter: RateLimiter;
  /** e.g. http://127.0.0.1:43123 */
  baseUrl: string;
  /** e.g. 127.0.0.1:43123, Mastodon's LOCAL_DOMAIN */
  host: string;
  /** The server's Web Push key, which apps are also given. */
  vapidKey: string;
  /** Publishes scheduled statuses when their time comes. */
  schedule(at: Date, task: () => void): void;
}

/** The record with that id. */
export function byId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  return list.find((item) => item.id === id);
}

/** The local account with that username (case-insensitive, as Mastodon matches them). */
export function accountByUsername(rt: Runtime, username: string): AccountRecord | undefined {
  const wanted = username.toLowerCase();
  for (const account of rt.state.accounts) {
    if (account.username.toLowerCase() === wanted) return account;
  }
  return undefined;
}
