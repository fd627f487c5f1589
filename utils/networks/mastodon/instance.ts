import { CrosswindError, serverTrouble, unreachable } from '@/utils/errors';
import type { AccountLimits } from '../types';
import { MASTODON_DEFAULT_LIMITS } from './info';

interface InstanceConfiguration {
  statuses?: {
    max_characters?: number;
    max_media_attachments?: number;
    characters_reserved_per_url?: number;
  };
  media_attachments?: {
    description_limit?: number;
    image_size_limit?: number;
    image_matrix_limit?: number;
    supported_mime_types?: string[];
  };
}

interface InstanceBody {
  configuration?: InstanceConfiguration;
  /** Pleroma/Akkoma and older forks publish the limit here. */
  max_toot_chars?: number;
}

async function readInstance(origin: string, version: 'v1' | 'v2'): Promise<InstanceBody | null> {
  const response = await fetch(`${origin}/api/${version}/instance`, {
    headers: { Accept: 'application/json' },
  });
  if (response.status === 404 || response.status === 410) return null;
  if (!response.ok) throw serverTrouble(new URL(origin).host, response.status);
  try {
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null ? (body as InstanceBody) : null;
  } catch {
    return null;
  }
}

/**
 * Reads the server's own limits: /api/v2/instance (Mastodon 4.0+), then /api/v1/instance, then
 * Mastodon's defaults. A server that answers neither is not a Mastodon-API server.
 */
export async function fetchMastodonLimits(
  origin: string,
  defaults: AccountLimits = MASTODON_DEFAULT_LIMITS,
): Promise<AccountLimits> {
  const host = new URL(origin).host;
  let body: InstanceBody | null;
  try {
    body = (await readInstance(origin, 'v2')) ?? (await readInstance(origin, 'v1'));
  } catch (error) {
    if (error instanceof CrosswindError) throw error;
    throw unreachable(host, error);
  }
  if (!body) {
    throw new CrosswindError(
      'unsupported',
      `${host} does not look like a Mastodon server (it has no Mastodon API).`,
    );
  }
  const statuses = body.configuration?.statuses;
  const media = body.configuration?.media_attachments;
  return {
    maxCharacters: statuses?.max_characters ?? body.max_toot_chars ?? defaults.maxCharacters,
    charactersReservedPerUrl:
      statuses?.characters_reserved_per_url ?? defaults.charactersReservedPerUrl ?? 23,
    maxMediaAttachments: statuses?.max_media_attachments ?? defaults.maxMediaAttachments,
    altTextLimit: media?.description_limit ?? defaults.altTextLimit ?? 1500,
    ...(media?.image_size_limit && { imageSizeLimit: media.image_size_limit }),
    ...(media?.image_matrix_limit && { imageMatrixLimit: media.image_matrix_limit }),
    ...(media?.supported_mime_types && { supportedMimeTypes: media.supported_mime_types }),
  };
}
