import { words } from '@/utils/i18n/wording';
import { incompleteAnswer } from '@/utils/errors';
import type { AccountLimits, AccountSnapshot } from '../types';
import type { PeerTubeApi } from './client';
import type { PeerTubeChannel } from './settings';
import { PEERTUBE_TEXT } from './text';

/** What `/api/v1/users/me` tells about the account. */
export interface PeerTubeMe {
  id: number;
  username: string;
  displayName: string;
  /** Bytes; -1 is unlimited. */
  videoQuota: number;
  videoQuotaUsed: number;
  channels: PeerTubeChannel[];
}

const MIME_BY_EXTENSION: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.ogg': 'video/ogg',
  '.mov': 'video/quicktime',
  '.mkv': 'video/x-matroska',
};

function number(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function channelsIn(value: unknown): PeerTubeChannel[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { id, name, displayName } = item as Record<string, unknown>;
    if (typeof id !== 'number' || typeof name !== 'string') return [];
    return [{ id, name, displayName: typeof displayName === 'string' ? displayName : name }];
  });
}

/** Reads the signed-in user, with the quota used (asked separately from servers that leave it out). */
export async function readMe(api: PeerTubeApi): Promise<PeerTubeMe> {
  const body = (await api.json('/api/v1/users/me')) as Record<string, unknown>;
  const id = number(body.id);
  if (id === undefined || typeof body.username !== 'string')
    throw incompleteAnswer(api.host, words('errors.missing.user'));
  const account = (typeof body.account === 'object' && body.account) as
    Record<string, unknown> | false;
  let used = number(body.videoQuotaUsed);
  if (used === undefined) {
    const quota = (await api.json('/api/v1/users/me/video-quota-used')) as Record<string, unknown>;
    used = number(quota.videoQuotaUsed) ?? 0;
  }
  return {
    id,
    username: body.username,
    displayName:
      (account && typeof account.displayName === 'string' && account.displayName) || body.username,
    videoQuota: number(body.videoQuota) ?? -1,
    videoQuotaUsed: used,
    channels: channelsIn(body.videoChannels),
  };
}

/** The container types the instance takes, from its `video.file.extensions`. */
export async function readAcceptedTypes(api: PeerTubeApi): Promise<string[] | undefined> {
  const config = (await api.json('/api/v1/config')) as {
    video?: { file?: { extensions?: unknown } };
  };
  const extensions = config.video?.file?.extensions;
  if (!Array.isArray(extensions)) return undefined;
  const types = extensions
    .map((extension) =>
      typeof extension === 'string' ? MIME_BY_EXTENSION[extension.toLowerCase()] : undefined,
    )
    .filter((type): type is string => type !== undefined);
  return [...new Set(types)];
}

/**
 * The largest upload slice the instance asks clients to send, its config's
 * `client.videos.resumableUpload.maxChunkSize` in bytes (set where a proxy in front limits request
 * bodies); undefined when it sets none (0) or says nothing readable.
 */
export async function readMaxChunkBytes(api: PeerTubeApi): Promise<number | undefined> {
  const config = (await api.json('/api/v1/config')) as {
    client?: { videos?: { resumableUpload?: { maxChunkSize?: unknown } } };
  };
  const max = config.client?.videos?.resumableUpload?.maxChunkSize;
  return typeof max === 'number' && Number.isFinite(max) && max > 0 ? max : undefined;
}

/** The account's limits: the description's length, the quota left, the types the instance takes. */
export function limitsOf(me: PeerTubeMe, types: string[] | undefined): AccountLimits {
  return {
    maxCharacters: PEERTUBE_TEXT.description.max,
    maxMediaAttachments: 0,
    ...(me.videoQuota >= 0 && { videoQuotaLeft: Math.max(0, me.videoQuota - me.videoQuotaUsed) }),
    ...(types && types.length > 0 && { supportedMimeTypes: types }),
  };
}

/** Profile and limits as the server reports them now. */
export function snapshotOf(
  origin: string,
  me: PeerTubeMe,
  types: string[] | undefined,
): AccountSnapshot {
  return {
    handle: me.username,
    displayName: me.displayName,
    webUrl: `${origin}/a/${me.username}`,
    limits: limitsOf(me, types),
    defaultVisibility: 'public',
  };
}
