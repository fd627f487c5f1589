import type { Account } from '@/utils/networks/types';
import type { PostJob } from '@/utils/publish/types';
import { linkShareOf } from '@/utils/publish/share-video-link';
import { DeliveryTarget } from './DeliveryTarget';
import { RelayOutcomes } from './RelayOutcomes';
import { t } from '@/utils/i18n/messages';

/** Every account of a post with its delivery state, as the sent-posts page lists them. */
export function JobTargets(props: {
  job: PostJob;
  accounts: Account[];
  onRetry(accountId: string): void;
}) {
  const shareTo = linkShareOf(props.job, props.accounts);
  return (
    <ul className="history-targets" aria-label={t('delivery.accounts')}>
      {props.job.targets.map((target) => (
        <DeliveryTarget
          key={target.accountId}
          target={target}
          accounts={props.accounts}
          onRetry={props.onRetry}
          details={<RelayOutcomes target={target} />}
          shareTo={shareTo}
        />
      ))}
    </ul>
  );
}
