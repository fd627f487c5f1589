import { incompleteAnswer } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import type { AccountLimits, PublishingQuota } from '../types';
import type { ThreadsClient } from './client';

/** Threads' documented caps: 500 characters, 5 links, carousels of up to 20 items. */
export const THREADS_LIMITS: AccountLimits = {
  maxCharacters: 500,
  maxMediaAttachments: 20,
  altTextLimit: 1000,
  supportedMimeTypes: ['image/jpeg', 'image/png'],
};

export interface ThreadsProfile {
  id: string;
  username: string;
  name: string;
  pictureUrl?: string;
}

/** GET /me: who the token belongs to. */
export async function readProfile(
  client: ThreadsClient,
  signal?: AbortSignal,
): Promise<ThreadsProfile> {
  const body = await client.get(
    '/v1.0/me',
    { fields: 'id,username,name,threads_profile_picture_url' },
    signal,
  );
  const item = body as Record<string, unknown>;
  const username = client.field(body, 'username');
  return {
    id: client.field(body, 'id'),
    username,
    name: typeof item.name === 'string' && item.name !== '' ? item.name : username,
    ...(typeof item.threads_profile_picture_url === 'string' && {
      pictureUrl: item.threads_profile_picture_url,
    }),
  };
}

/** GET /{user-id}/threads_publishing_limit: posts used of the 24-hour quota. */
export async function readQuota(
  client: ThreadsClient,
  userId: string,
  signal?: AbortSignal,
): Promise<PublishingQuota> {
  const body = await client.get(
    `/v1.0/${userId}/threads_publishing_limit`,
    { fields: 'quota_usage,config' },
    signal,
  );
  const row = (body as { data?: unknown[] }).data?.[0] as
    | { quota_usage?: unknown; config?: { quota_total?: unknown; quota_duration?: unknown } }
    | undefined;
  const used = row?.quota_usage;
  const total = row?.config?.quota_total;
  if (typeof used !== 'number' || typeof total !== 'number')
    throw incompleteAnswer(client.host, words('threads.field', { name: 'quota_usage' }));
  const period = row?.config?.quota_duration;
  return { used, total, periodSeconds: typeof period === 'number' ? period : 86_400 };
}
