import { CrosswindError } from '@/utils/errors';
import { hostOf } from '../host';
import { mastodonAdapter, mastodonApiFamily, mastodonApiSignIn } from '../mastodon/adapter';
import { findSentStatus } from '../mastodon/lookup';
import type { NetworkAdapter, PublishedPost } from '../types';
import { isDuplicateKey, isMissingPhoto } from './errors';
import { PIXELFED_FLAVOR } from './flavor';
import { words } from '@/utils/i18n/wording';
import { measure } from './measure';

/**
 * Pixelfed through the Mastodon-API base, stating only where it differs: its scopes, no server
 * scheduling, and a repeated idempotency key that answers 400 instead of the first status.
 */
export const pixelfedAdapter: NetworkAdapter = {
  ...mastodonAdapter,
  id: 'pixelfed',
  measure,
  signIn: mastodonApiSignIn(PIXELFED_FLAVOR),
  family: mastodonApiFamily(['pixelfed']),
  schedule: undefined,
  cancelScheduled: undefined,
  reschedule: undefined,

  async publish(account, post, options): Promise<PublishedPost> {
    try {
      return await mastodonAdapter.publish(account, post, options);
    } catch (error) {
      if (isMissingPhoto(error)) {
        // Pixelfed says 403 here, which would otherwise read as a revoked login.
        throw new CrosswindError('validation', words('pixelfed.needsPhoto'), {
          cause: error,
          status: 403,
        });
      }
      if (!isDuplicateKey(error)) throw error;
      // The first attempt got through: find that status rather than post it again.
      const sent = await findSentStatus(account, post);
      if (sent) return sent;
      throw new CrosswindError(
        'server',
        words('pixelfed.sentButMissing', { host: hostOf(account.server) }),
        { cause: error, status: 400, retryable: false },
      );
    }
  },
};
