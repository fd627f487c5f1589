import type { MastodonFlavor } from '../mastodon/flavor';
import { PIXELFED_DEFAULT_LIMITS } from './info';

/** Pixelfed's differences from the Mastodon-API base when signing in. */
export const PIXELFED_FLAVOR: MastodonFlavor = {
  network: 'pixelfed',
  // Pixelfed knows only `read write follow push`; granular scopes fail with `invalid_scope`.
  scopes: 'read write',
  defaultLimits: PIXELFED_DEFAULT_LIMITS,
};
