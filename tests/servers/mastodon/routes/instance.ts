import { serializeAccount } from '../entities';
import { rulesOf } from '../flavors';
import { json, type Ctx, type Reply } from '../http';
import { notFound, route, type Route } from '../router';
import type { Runtime } from '../runtime';

/** Mastodon's version string, and the API version number 4.4 reports. */
export const MASTODON_VERSION = '4.4.0';
const API_VERSION = 6;

const DESCRIPTION = 'A sandbox Mastodon server for testing Crosswind.';

/** MediaAttachment.supported_mime_types in 4.4. */
export const SUPPORTED_MIME_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/heic',
  'image/heif',
  'image/webp',
  'image/avif',
  'video/webm',
  'video/mp4',
  'video/quicktime',
  'video/ogg',
  'audio/wave',
  'audio/wav',
  'audio/x-wav',
  'audio/x-pn-wave',
  'audio/vnd.wave',
  'audio/ogg',
  'audio/vorbis',
  'audio/mpeg',
  'audio/mp3',
  'audio/webm',
  'audio/flac',
  'audio/aac',
  'audio/m4a',
  'audio/x-m4a',
  'audio/mp4',
  'audio/3gpp',
  'video/x-ms-asf',
];

/** MediaAttachment's limits in 4.4. */
export const MEDIA_LIMITS = {
  imageSize: 16 * 1024 * 1024,
  videoSize: 99 * 1024 * 1024,
  imageMatrix: 33_177_600,
  gifMatrix: 921_600,
  videoMatrix: 8_294_400,
  videoFrameRate: 120,
  description: 1500,
};

const POLLS = {
  max_options: 4,
  max_characters_per_option: 50,
  min_expiration: 300,
  max_expiration: 2_629_746,
};

const RULES = [{ id: '1', text: 'Be kind to each other.', hint: '' }];

function statusesConfig(rt: Runtime): Record<string, unknown> {
  return {
    max_characters: rt.options.maxCharacters,
    max_media_attachments: rt.options.maxMediaAttachments,
    characters_reserved_per_url: rt.options.charactersReservedPerUrl,
    ...rt.faults.quirks.instanceStatuses,
  };
}

function contactAccount(rt: Runtime): Record<string, unknown> | null {
  const first = rt.state.accounts[0];
  return first ? { ...serializeAccount(rt, first) } : null;
}

function thumbnailUrl(rt: Runtime): string {
  return `${rt.baseUrl}/packs/media/images/preview.png`;
}

/** GET /api/v2/instance (Mastodon 4.0+); switched off, it is a route older servers lack. */
function instanceV2(ctx: Ctx): Reply {
  const rt = ctx.rt;
  if (!rt.options.instanceV2) return notFound(ctx);
  const streaming = rt.baseUrl.replace(/^http/, 'ws');
  return json(200, {
    domain: rt.host,
    title: rt.options.title,
    version: rulesOf(rt.options.flavor).instance.version,
    source_url: rulesOf(rt.options.flavor).instance.sourceUrl,
    description: DESCRIPTION,
    usage: { users: { active_month: rt.state.accounts.length } },
    thumbnail: { url: thumbnailUrl(rt) },
    icon: [36, 72, 192, 512].map((size) => ({
      src: `${rt.baseUrl}/packs/media/icons/android-chrome-${size}x${size}.png`,
      size: `${size}x${size}`,
    })),
    languages: ['en'],
    configuration: {
      urls: {
        streaming,
        status: null,
        about: `${rt.baseUrl}/about`,
        privacy_policy: `${rt.baseUrl}/privacy-policy`,
        terms_of_service: null,
      },
      vapid: { public_key: rt.vapidKey },
      accounts: {
        max_featured_tags: 10,
        max_pinned_statuses: 5,
        max_profile_fields: 4,
        profile_field_name_limit: 255,
        profile_field_value_limit: 255,
      },
      statuses: statusesConfig(rt),
      media_attachments: {
        description_limit: rulesOf(rt.options.flavor).altTextLimit,
        image_matrix_limit: MEDIA_LIMITS.imageMatrix,
        image_size_limit: MEDIA_LIMITS.imageSize,
        supported_mime_types: SUPPORTED_MIME_TYPES,
        video_frame_rate_limit: MEDIA_LIMITS.videoFrameRate,
        video_matrix_limit: MEDIA_LIMITS.videoMatrix,
        video_size_limit: MEDIA_LIMITS.videoSize,
      },
      polls: POLLS,
      translation: { enabled: false },
      limited_federation: false,
    },
    registrations: {
      enabled: false,
      approval_required: false,
      reason_required: false,
      message: null,
      min_age: null,
      url: null,
    },
    api_versions: { mastodon: API_VERSION },
    contact: { email: `admin@${rt.host.replace(/:\d+$/, '')}`, account: contactAccount(rt) },
    rules: RULES,
  });
}

/** GET /api/v1/instance: the older shape, still served by 4.4. */
function instanceV1(ctx: Ctx): Reply {
  const rt = ctx.rt;
  const statuses = rt.state.statuses.filter((status) => !status.deletedAt);
  return json(200, {
    uri: rt.host,
    title: rt.options.title,
    short_description: DESCRIPTION,
    description: DESCRIPTION,
    email: `admin@${rt.host.replace(/:\d+$/, '')}`,
    version: rulesOf(rt.options.flavor).instance.version,
    urls: { streaming_api: rt.baseUrl.replace(/^http/, 'ws') },
    stats: { user_count: rt.state.accounts.length, status_count: statuses.length, domain_count: 0 },
    thumbnail: thumbnailUrl(rt),
    languages: ['en'],
    registrations: false,
    approval_required: false,
    invites_enabled: true,
    configuration: {
      accounts: { max_featured_tags: 10 },
      statuses: statusesConfig(rt),
      media_attachments: {
        supported_mime_types: SUPPORTED_MIME_TYPES,
        image_size_limit: MEDIA_LIMITS.imageSize,
        image_matrix_limit: MEDIA_LIMITS.imageMatrix,
        video_size_limit: MEDIA_LIMITS.videoSize,
        video_frame_rate_limit: MEDIA_LIMITS.videoFrameRate,
        video_matrix_limit: MEDIA_LIMITS.videoMatrix,
      },
      polls: POLLS,
    },
    contact_account: contactAccount(rt),
    rules: RULES,
  });
}

/** Server information. */
export const instanceRoutes: Route[] = [
  route('GET', '/api/v1/instance', instanceV1),
  route('GET', '/api/v2/instance', instanceV2),
  route('GET', '/api/v1/instance/rules', () => json(200, RULES)),
];
