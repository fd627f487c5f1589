import { accountLabel, NETWORK_INFO } from '@/utils/networks/info';
import type { Account } from '@/utils/networks/types';
import { firstResult, type PostJob } from '@/utils/publish/types';
import { ErrorMessage } from './ErrorMessage';
import { targetStateText } from './target-state';

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
          const result = firstResult(target);
          return (
            <li key={target.accountId} className={`delivery-item ${target.status}`}>
              <span className="delivery-name">{label}</span>
              <span className="delivery-state">{targetStateText(target)}</span>
              {target.status === 'done' && result ? (
                <a href={result.url} target="_blank" rel="noreferrer">
                  View post on {account ? NETWORK_INFO[account.network].name : 'the network'}
                </a>
              ) : null}
              {target.status === 'failed' || target.status === 'waiting' ? (
                <ErrorMessage error={target.error ?? null} />
              ) : null}
              {/* Waiting for a reconnect is fixed on the Accounts page, not by retrying. */}
              {target.status === 'failed' ||
              (target.status === 'waiting' && target.waitingFor !== 'reconnect') ? (
                <button type="button" onClick={() => props.onRetry(target.accountId)}>
                  {target.status === 'waiting' ? `Retry ${label} now` : `Retry ${label}`}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
