import { storedText } from '@/utils/i18n/wording';
import type { ReactNode } from 'react';
import { hostOf, NETWORK_INFO } from '@/utils/networks/info';
import type { Account } from '@/utils/networks/types';
import { targetLabel, targetNetwork } from '@/utils/publish/target-label';
import type { VideoLinkShare } from '@/utils/publish/share-video-link';
import { firstResult, type TargetJob } from '@/utils/publish/types';
import { ErrorMessage } from './ErrorMessage';
import { t } from '@/utils/i18n/messages';
import { deletionText, targetStateText } from './target-state';
import { ShareVideoLink } from './VideoDelivery';
import { transferPercent } from './video-progress';

/**
 * One account's part of a post, in the popup and on the sent-posts page alike: its state, its
 * link, and what can still be done about it.
 */
export function DeliveryTarget(props: {
  target: TargetJob;
  accounts: Account[];
  onRetry(accountId: string): void;
  /** More about this account's delivery, shown under its state (the sent-posts page's details). */
  details?: ReactNode;
  /** The accounts a video's own page can be offered to. */
  shareTo?: VideoLinkShare;
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
          targetStateText(
            target,
            account ? hostOf(account.server) : undefined,
            undefined,
            network ? NETWORK_INFO[network].name : undefined,
          )}
      </span>
      {target.status === 'uploading' && target.videoTransfer ? (
        <VideoProgress percent={transferPercent(target.videoTransfer)} label={label} />
      ) : null}
      {target.status === 'scheduled' && target.scheduleNote ? (
        <span className="muted">{storedText(target.scheduleNote)}</span>
      ) : null}
      {target.notice ? <span className="notice">{storedText(target.notice)}</span> : null}
      {props.details}
      {target.status === 'done' && result && !deleted ? (
        <a href={result.url} target="_blank" rel="noreferrer">
          {t('delivery.viewPost', {
            network: network ? NETWORK_INFO[network].name : t('delivery.theNetwork'),
          })}
        </a>
      ) : null}
      {target.status === 'done' &&
      result &&
      !deleted &&
      target.video?.url &&
      props.shareTo?.targetIds.length ? (
        <ShareVideoLink url={target.video.url} share={props.shareTo} />
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

/** A bar for the clip's way there; without a figure from the server it shows only that it moves. */
function VideoProgress(props: { percent: number | undefined; label: string }) {
  return (
    <progress
      className="video-progress"
      max={100}
      aria-label={t('video.progressFor', { account: props.label })}
      {...(props.percent !== undefined && { value: props.percent })}
    />
  );
}
