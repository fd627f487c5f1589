import type { AccountLimits, NetworkId } from '../types';
import { MASTODON_DEFAULT_LIMITS } from './info';

/**
 * What one Mastodon-API network changes of the shared base: the base does everything, a flavor
 * (Pixelfed) states only where its servers differ.
 */
export interface MastodonFlavor {
  network: NetworkId;
  /** The OAuth scopes this software understands (Pixelfed knows only the coarse ones). */
  scopes: string;
  /** Used where the instance does not report a limit. */
  defaultLimits: AccountLimits;
  /**
   * The catch-all flavor tells servers apart by their software (GoToSocial, Hollo…); a flavor with
   * its own folder states its own capabilities instead.
   */
  readsServerDifferences?: boolean;
}

/** Stock Mastodon, and every Mastodon-API server no other flavor claims. */
export const MASTODON_FLAVOR: MastodonFlavor = {
  network: 'mastodon',
  // The only scopes Crosswind needs: post, upload media, read who the user is.
  scopes: 'write:statuses write:media read:accounts',
  defaultLimits: MASTODON_DEFAULT_LIMITS,
  readsServerDifferences: true,
};
