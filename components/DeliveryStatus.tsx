import { accountLabel, NETWORK_INFO } from '@/utils/networks/info';
import type { Account } from '@/utils/networks/types';
import type { PostJob } from '@/utils/publish/types';
import { ErrorMessage } from './ErrorMessage';

const STATUS_TEXT = { queued: 'Waiting…', posting: 'Posting…', done: 'Posted', failed: 'Failed' };

/** Where a post went: per account, its progress, a link to the live post, or the error and a Retry. */
export function DeliveryStatus(props: {
  job: PostJob;
  accounts: Account[];
  onRetry(accountId: string): void;
}) {
  return (
    <section className="delivery" aria-label="Delivery">
      <ul aria-live="polite">
        {props.job.targets.map((target) => {
          const account = props.accounts.find((item) => item.id === target.accountId);
          const label = account ? accountLabel(account) : target.accountId;
          return (
            <li key={target.accountId} className={`delivery-item ${target.status}`}>
              <span className="delivery-name">{label}</span>
              <span className="delivery-state">{STATUS_TEXT[target.status]}</span>
              {target.status === 'done' && target.result ? (
                <a href={target.result.url} target="_blank" rel="noreferrer">
                  View post on {account ? NETWORK_INFO[account.network].name : 'the network'}
                </a>
              ) : null}
              {target.status === 'failed' ? (
                <>
                  <ErrorMessage error={target.error ?? null} />
                  <button type="button" onClick={() => props.onRetry(target.accountId)}>
                    Retry {label}
                  </button>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
