import type { Faults } from './faults';
import type { ChannelRecord, ServerState, TokenRecord, UserRecord } from './types';

/** Resolved options: every switch has its value. */
export interface Resolved {
  name: string;
  transcodeMs: number;
  extensions: string[];
  accessTokenLifetime: number;
  refreshTokenLifetime: number;
  maxFileSize: number;
  maxChunkSize: number;
}

/** What every route sees. */
export interface Runtime {
  options: Resolved;
  state: ServerState;
  faults: Faults;
  baseUrl: string;
  host: string;
}

export const userById = (rt: Runtime, id: number): UserRecord | undefined =>
  rt.state.users.find((user) => user.id === id);

export const channelsOf = (rt: Runtime, userId: number): ChannelRecord[] =>
  rt.state.channels.filter((channel) => channel.userId === userId);

/** Bytes of the user's videos still on the server. */
export function quotaUsed(rt: Runtime, userId: number): number {
  return rt.state.videos
    .filter((video) => video.userId === userId && !video.deleted)
    .reduce((sum, video) => sum + video.size, 0);
}

/** The token in `Authorization: Bearer`, if it is a live one. */
export function liveToken(
  rt: Runtime,
  header: string | undefined,
  now = Date.now(),
): TokenRecord | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  return rt.state.tokens.find(
    (token) => token.accessToken === match[1] && !token.revoked && token.accessExpiresAt > now,
  );
}
