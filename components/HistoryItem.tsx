import { t, tn } from '@/utils/i18n/messages';
import { formatDateTime, formatNumber } from '@/utils/i18n/format';
import { useId, useState } from 'react';
import { serializeError, type SerializedError } from '@/utils/errors';
import { sendMessage } from '@/utils/messaging';
import type { Account } from '@/utils/networks/types';
import { isSettled, type PostJob } from '@/utils/publish/types';
import { ConfirmAction } from './ConfirmAction';
import { ErrorMessage } from './ErrorMessage';
import { JobTargets } from './JobTargets';

const DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** What deleting achieved so far, for the job as a whole; empty before anyone asked. */
function deletionSummary(job: PostJob): string {
  const settled = job.targets.filter((target) => target.deletedAt !== undefined);
  // Where the server had nothing to delete, Crosswind did not delete it: it is not counted.
  const deleted = settled.filter((target) => !target.notFoundOnDelete).length;
  const notFound = settled.length - deleted;
  if (settled.length === job.targets.length && notFound === 0)
    return t('history.deletedEverywhere');
  if (!job.targets.some((target) => target.deleteError) && settled.length < job.targets.length) {
    return '';
  }
  const summary = tn('history.deletedFrom', job.targets.length, { deleted: formatNumber(deleted) });
  return notFound > 0
    ? t('history.notFoundOn', { deleted: summary, notFound: formatNumber(notFound) })
    : summary;
}

/** One sent post: its text, when, where it went, and the actions on it. */
export function HistoryItem(props: { job: PostJob; accounts: Account[] }) {
  const { job } = props;
  const summaryId = useId();
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  const settled = isSettled(job);
  const outcome = deletionSummary(job);
  // Nothing left on any network (all deleted, or never posted): there is nothing to delete.
  // A post sent later is dated by when it went out, not when it was written.
  const sentAt = job.scheduledAt ?? job.createdAt;
  const onNetworks = job.targets.some(
    (target) => target.deletedAt === undefined && target.parts.some((part) => part.result),
  );

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (thrown) {
      setError(serializeError(thrown));
    }
  };
  const retry = (accountId: string) =>
    void run(() => sendMessage('post.retry', { jobId: job.id, accountId }));
  const deleteEverywhere = () => {
    setDeleting(true);
    // Where it failed comes back through the stored job, which this page already shows live.
    void run(() => sendMessage('post.delete', { jobId: job.id })).finally(() => setDeleting(false));
  };

  return (
    <li className="history-item" aria-labelledby={summaryId}>
      <p className="history-summary" id={summaryId}>
        {job.summary || t('history.noText')}
      </p>
      <time className="muted" dateTime={new Date(sentAt).toISOString()}>
        {formatDateTime(sentAt, DATE_FORMAT)}
      </time>
      <JobTargets job={job} accounts={props.accounts} onRetry={retry} />
      <p role="status" className="history-outcome">
        {outcome}
      </p>
      <ErrorMessage error={error} />
      {settled ? (
        <div className="history-actions">
          {onNetworks ? (
            <ConfirmAction
              label={t('history.deleteEverywhere')}
              busy={deleting}
              busyLabel={t('history.deleting')}
              question={t('history.deleteQuestion')}
              note={t('history.deleteNote')}
              confirmLabel={t('history.deleteConfirm')}
              onConfirm={deleteEverywhere}
            />
          ) : null}
          <button
            type="button"
            onClick={() => void run(() => sendMessage('history.remove', { jobId: job.id }))}
          >
            {t('history.remove')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
