import { defineNetwork } from '../capabilities';

/** Threads (Meta), through the person's own Meta app. */
export const threadsInfo = defineNetwork({
  id: 'threads',
  name: 'Threads',
  defaultLimits: {
    maxCharacters: 500,
    maxMediaAttachments: 20,
    altTextLimit: 1000,
  },
  capabilities: {
    contentWarning: 'none',
    visibilities: [],
    language: false,
    // Threads makes the preview of the first link itself (`link_attachment` names it).
    linkCards: 'server',
    // Meta fetches images from a public address; the post's Mastodon or Bluesky copy gives one.
    media: { topLevelNeedsMedia: false, stillGifs: true, imagesByPublicUrl: true },
    threads: 'reply-chain',
    // No key: a retry asks Meta whether the recorded container was PUBLISHED.
    idempotency: 'lookup-before-retry',
    serverScheduling: null,
    deletion: true,
  },
  loadMeasure: () => import('./measure'),
  label: (account) => `@${account.handle} (Threads)`,
  accountIdNamesServer: false,
  // Reconnecting reuses the Meta app kept for the account: straight to the consent window.
  reconnect: { kind: 'redirect', fields: (account) => ({ accountId: account.id }) },
  loadConnectForm: () => import('./ConnectForm'),
});
