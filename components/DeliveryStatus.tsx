import type { Account } from '@/utils/networks/types';
import type { PostJob } from '@/utils/publish/types';
import { linkShareOf } from '@/utils/publish/share-video-link';
import { DeliveryTarget } from './DeliveryTarget';
import { t } from '@/utils/i18n/messages';

/** Where a post went: per account, its progress, a link to the live post, or the error and a Retry. */
export function DeliveryStatus(props: {
  job: PostJob;
  accounts: Account[];
  onRetry(accountId: string): void;
}) {
  const shareTo = linkShareOf(props.job, props.accounts);
  return (
    <section className="delivery" aria-label={t('delivery.heading')}>
      <ul aria-live="polite">
        {props.job.targets.map((target) => (
          <DeliveryTarget
            key={target.accountId}
            target={target}
            accounts={props.accounts}
            onRetry={props.onRetry}
            shareTo={shareTo}
          />
        ))}
      </ul>
    </section>
  );
}
