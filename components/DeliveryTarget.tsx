import { t } from '@/utils/i18n/messages';
import { storedText } from '@/utils/i18n/wording';
import { hostOf, NETWORK_INFO } from '@/utils/networks/info';
import type { Account } from '@/utils/networks/types';
import { targetLabel, targetNetwork } from '@/utils/publish/target-label';
import { firstResult, type TargetJob } from '@/utils/publish/types';
import { ErrorMessage } from './ErrorMessage';
import { deletionText, targetStateText } from './target-state';

/**
 * One account's part of a post, in the popup and on the sent-posts page alike: its state, its
 * link, and what can still be done about it.
 */
export function DeliveryTarget(props: {
  target: TargetJob;
  accounts: Account[];
  onRetry(accountId: string): void;
}) {
  const { target } = props;
  const label = targetLabel(target.accountId, props.accounts);
  const account = props.accounts.find((item) => item.id === target.accountId);
  const network = targetNetwork(target.accountId, props.accounts);
  const result = firstResult(target);
  const deleted = target.deletedAt !== undefined;
  const waiting = target.status === 'waiting';
  // Once the user asked to delete the post, offering to send it again would contradict them.
  const unfinished = (target.status === 'failed' || waiting) && !deleted && !target.deleteError;
  // Waiting for a reconnect is fixed on the Accounts page, not by retrying.
  const retryable = unfinished && target.waitingFor !== 'reconnect';
  return (
    <li className={`delivery-item ${deleted ? 'deleted' : target.status}`} aria-label={label}>
      <span className="delivery-name">{label}</span>
      <span className="delivery-state">
        {deletionText(target) ||
          targetStateText(target, account ? hostOf(account.server) : undefined)}
      </span>
      {target.status === 'scheduled' && target.scheduleNote ? (
        <span className="muted">{storedText(target.scheduleNote)}</span>
      ) : null}
      {target.notice ? <span className="notice">{storedText(target.notice)}</span> : null}
      {target.status === 'done' && result && !deleted ? (
        <a href={result.url} target="_blank" rel="noreferrer">
          {t('delivery.viewPost', {
            network: network ? NETWORK_INFO[network].name : t('delivery.theNetwork'),
          })}
        </a>
      ) : null}
      {unfinished ? <ErrorMessage error={target.error ?? null} /> : null}
      {retryable ? (
        <button type="button" onClick={() => props.onRetry(target.accountId)}>
          {waiting
            ? t('delivery.retryNow', { account: label })
            : t('delivery.retry', { account: label })}
        </button>
      ) : null}
      {target.deleteError && !deleted ? (
        <ErrorMessage
          error={target.deleteError}
          prefix={t('delivery.couldNotDelete', { account: label })}
        />
      ) : null}
    </li>
  );
}
