import { words } from '@/utils/i18n/wording';
import { CrosswindError } from '@/utils/errors';
import type { AccountLimits } from '../types';
import { fetchJson, requireJson } from '../fetch-json';
import { checkLimits, limitsNote, type ReportedLimits } from '../limits-validation';
import { MASTODON_DEFAULT_LIMITS, mastodonInfo } from './info';

async function readInstance(origin: string, version: 'v1' | 'v2'): Promise<unknown> {
  const host = new URL(origin).host;
  const answer = await fetchJson(`${origin}/api/${version}/instance`);
  // Not there (an older server has no v2), whichever way it says so.
  if (answer.status === 404 || answer.status === 410) return null;
  const body = requireJson(answer, host);
  if (!answer.ok) {
    throw new CrosswindError(
      'server',
      words('mastodon.answeredStatus', { host, status: answer.status }),
      {
        status: answer.status,
      },
    );
  }
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? body : null;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** The limits where Mastodon 4 puts them, or where Pleroma/Akkoma and older forks do. */
function reportedLimits(body: unknown): ReportedLimits {
  const configuration = field(body, 'configuration');
  const statuses = field(configuration, 'statuses');
  const media = field(configuration, 'media_attachments');
  return {
    maxCharacters: field(statuses, 'max_characters') ?? field(body, 'max_toot_chars'),
    charactersReservedPerUrl: field(statuses, 'characters_reserved_per_url'),
    maxMediaAttachments: field(statuses, 'max_media_attachments'),
    altTextLimit: field(media, 'description_limit'),
    imageSizeLimit: field(media, 'image_size_limit'),
    imageMatrixLimit: field(media, 'image_matrix_limit'),
    supportedMimeTypes: field(media, 'supported_mime_types'),
  };
}

/**
 * Reads the server's own limits: /api/v2/instance (Mastodon 4.0+), then /api/v1/instance, then
 * Mastodon's defaults. A server that answers neither is not a Mastodon-API server. Every limit is
 * checked: one that makes no sense is replaced by the default (`defaults`: the flavor's, or what
 * the server reported before), with a note saying so.
 */
export async function fetchMastodonLimits(
  origin: string,
  defaults: AccountLimits = MASTODON_DEFAULT_LIMITS,
  networkName: string = mastodonInfo.name,
): Promise<AccountLimits> {
  const host = new URL(origin).host;
  const body = (await readInstance(origin, 'v2')) ?? (await readInstance(origin, 'v1'));
  if (!body) {
    throw new CrosswindError('unsupported', words('mastodon.notMastodon', { host }));
  }
  const { limits, rejected } = checkLimits(reportedLimits(body), defaults);
  return rejected.length > 0
    ? { ...limits, note: limitsNote(host, networkName, rejected) }
    : limits;
}
