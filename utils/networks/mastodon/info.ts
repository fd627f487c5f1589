import { defineNetwork, type NetworkCapabilities } from '../capabilities';
import type { AccountLimits } from '../types';
import { serverAccountLabel } from './software';

/** Mastodon's own defaults, used until the server says otherwise. */
export const MASTODON_DEFAULT_LIMITS: AccountLimits = {
  maxCharacters: 500,
  charactersReservedPerUrl: 23,
  maxMediaAttachments: 4,
  altTextLimit: 1500,
};

/** What stock Mastodon can carry; other Mastodon-API servers narrow it per account. */
export const MASTODON_CAPABILITIES: NetworkCapabilities = {
  contentWarning: 'text',
  visibilities: ['public', 'unlisted', 'private', 'direct'],
  language: true,
  // The server fetches the page and builds the card itself.
  linkCards: 'server',
  media: { topLevelNeedsMedia: false, stillGifs: false, hostsPublicImages: true },
  threads: 'reply-chain',
  idempotency: 'server-key',
  // `scheduled_at` must be at least 5 minutes ahead; the server then posts with the browser closed.
  serverScheduling: { minLeadMs: 5 * 60_000 },
  deletion: true,
  // Mastodon's own defaults (MediaAttachment: 99 MB, 120 fps, 3840 × 2160); each server reports
  // its own in /api/v2/instance `configuration.media_attachments`.
  video: {
    carrier: 'attachment',
    mimeTypes: ['video/mp4', 'video/webm', 'video/quicktime'],
    limits: { maxBytes: 99 * 1024 * 1024, maxFrameRate: 120, maxPixels: 8_294_400 },
    limitsFrom: 'server',
  },
};

/** Mastodon and any server speaking its API that no other flavor claims. */
export const mastodonInfo = defineNetwork({
  id: 'mastodon',
  name: 'Mastodon',
  defaultLimits: MASTODON_DEFAULT_LIMITS,
  capabilities: MASTODON_CAPABILITIES,
  loadMeasure: () => import('./measure'),
  label: (account) => serverAccountLabel(account, 'Mastodon'),
  accountIdNamesServer: true,
  reconnect: { kind: 'redirect', fields: (account) => ({ server: account.server }) },
  loadConnectForm: () => import('./ConnectForm'),
});
