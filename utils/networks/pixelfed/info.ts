import { defineNetwork } from '../capabilities';
import { MASTODON_CAPABILITIES } from '../mastodon/info';
import { serverAccountLabel } from '../mastodon/software';
import type { AccountLimits } from '../types';

/** Pixelfed's own defaults (`max_caption_length`, `max_album_length`, alt text), until the instance says otherwise. */
export const PIXELFED_DEFAULT_LIMITS: AccountLimits = {
  maxCharacters: 500,
  maxMediaAttachments: 4,
  altTextLimit: 1000,
};

/** Pixelfed: a photo-sharing server that speaks the Mastodon API, with its own rules. */
export const pixelfedInfo = defineNetwork({
  id: 'pixelfed',
  name: 'Pixelfed',
  defaultLimits: PIXELFED_DEFAULT_LIMITS,
  capabilities: {
    ...MASTODON_CAPABILITIES,
    // No `direct`: Pixelfed refuses it on statuses.
    visibilities: ['public', 'unlisted', 'private'],
    // A photo is the post; a reply in a thread may be text only.
    media: { topLevelNeedsMedia: true, stillGifs: false },
    // No scheduled statuses in its API: Crosswind posts at the time itself.
    serverScheduling: null,
  },
  loadMeasure: () => import('./measure'),
  label: (account) => serverAccountLabel(account, 'Pixelfed'),
  accountIdNamesServer: true,
  reconnect: { kind: 'redirect', fields: (account) => ({ server: account.server }) },
  loadConnectForm: () => import('./ConnectForm'),
});
