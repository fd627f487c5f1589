import { defineNetwork } from '../capabilities';

/** Bluesky and any AT Protocol server. */
export const blueskyInfo = defineNetwork({
  id: 'bluesky',
  name: 'Bluesky',
  defaultLimits: { maxCharacters: 300, maxMediaAttachments: 4, altTextLimit: 2000 },
  capabilities: {
    contentWarning: 'self-label',
    visibilities: [],
    language: true,
    // Nothing on the network builds a card: the client makes `app.bsky.embed.external`.
    linkCards: 'client',
    media: { topLevelNeedsMedia: false, stillGifs: true, hostsPublicImages: true },
    threads: 'reply-chain',
    idempotency: 'record-key',
    serverScheduling: null,
    deletion: true,
    // Bluesky's rules for every account (since March 2025): one clip, 3 minutes, 100 MB.
    video: {
      carrier: 'attachment',
      mimeTypes: ['video/mp4', 'video/webm', 'video/mpeg', 'video/quicktime'],
      limits: { maxBytes: 100_000_000, maxDurationMs: 180_000 },
      limitsFrom: 'network',
      // app.bsky.embed.video `alt`: at most 1000 graphemes.
      altLimit: 1000,
    },
  },
  loadMeasure: () => import('./measure'),
  label: (account) => `@${account.handle} (Bluesky)`,
  accountIdNamesServer: false,
  reconnect: { kind: 'form' },
  loadConnectForm: () => import('./ConnectForm'),
});
