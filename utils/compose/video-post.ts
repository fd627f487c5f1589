import { t } from '../i18n/messages';
import { accountLabel, capabilitiesOf } from '../networks/info';
import type { Account } from '../networks/types';
import type { Draft } from './draft';

/**
 * For networks where the video is the post (PeerTube): without a clip there is nothing to
 * publish, which each such account says before Post, with what to do about it.
 */
export function videoPostNeeds(
  draft: Pick<Draft, 'video'>,
  account: Account,
): { needsMedia: string; problem: string } | undefined {
  if (capabilitiesOf(account).video?.carrier !== 'video-post' || draft.video) return undefined;
  return {
    needsMedia: t('peertube.needsVideo'),
    problem: t('peertube.needsVideoFor', { account: accountLabel(account) }),
  };
}
