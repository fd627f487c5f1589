import { accountLabel, NETWORK_INFO } from '@/utils/networks/info';
import type { Account } from '@/utils/networks/types';
import { firstResult, type PostJob, type TargetJob } from '@/utils/publish/types';
import { ErrorMessage } from './ErrorMessage';

const STATUS_TEXT = { queued: 'Waiting…', posting: 'Posting…', done: 'Posted', failed: 'Failed' };

/** The state in words, with how far a thread got: "Posting 2 of 4…", "Failed after 1 of 4". */
function stateText(target: TargetJob): string {
  const total = target.parts.length;
  if (total <= 1) return STATUS_TEXT[target.status];
  const posted = target.parts.filter((part) => part.result).length;
  switch (target.status) {
    case 'posting':
      return `Posting ${Math.min(posted + 1, total)} of ${total}…`;
    case 'done':
      return `Posted a thread of ${total}`;
    case 'failed':
      return posted > 0 ? `Failed after ${posted} of ${total} posts` : 'Failed';
    default:
      return STATUS_TEXT[target.status];
  }
}

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
              <span className="delivery-state">{stateText(target)}</span>
              {target.status === 'done' && result ? (
                <a href={result.url} target="_blank" rel="noreferrer">
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
