import { useId, useState } from 'react';
import { serializeError, type SerializedError } from '@/utils/errors';
import { sendMessage, type ScheduleFailure } from '@/utils/messaging';
import type { Account } from '@/utils/networks/types';
import { targetLabel } from '@/utils/publish/target-label';
import type { PostJob } from '@/utils/publish/types';
import { ConfirmAction } from './ConfirmAction';
import { ErrorMessage } from './ErrorMessage';
import { JobTargets } from './JobTargets';
import { RescheduleForm } from './RescheduleForm';
import { formatDateTime } from '@/utils/i18n/format';
import { t, type MessageKey } from '@/utils/i18n/messages';

const DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

type Action = 'cancel' | 'reschedule' | 'edit';

/** Where an action failed, worded per action: "Could not cancel on {account}: {reason}". */
const FAILED_WORDS = {
  cancel: 'scheduled.cancelFailed',
  reschedule: 'scheduled.rescheduleFailed',
  edit: 'scheduled.editFailed',
} as const satisfies Record<Action, MessageKey>;

/** One post waiting for its time: when, where, and changing, editing or cancelling it. */
export function ScheduledItem(props: {
  job: PostJob;
  accounts: Account[];
  /** Told once the post left the schedule, since this item then disappears. */
  onGone(message: string): void;
}) {
  const { job } = props;
  const summaryId = useId();
  const [busy, setBusy] = useState<Action>();
  const [changing, setChanging] = useState(false);
  const [errors, setErrors] = useState<SerializedError[]>([]);
  const at = job.scheduledAt ?? job.createdAt;

  const run = async (action: Action, send: () => Promise<{ failed: ScheduleFailure[] }>) => {
    setErrors([]);
    setBusy(action);
    try {
      const { failed } = await send();
      if (failed.length > 0) {
        // Where it failed, by name; those accounts keep the post scheduled as before.
        setErrors(
          failed.map(({ accountId, error }) => ({
            ...error,
            message: t(FAILED_WORDS[action], {
              account: targetLabel(accountId, props.accounts),
              reason: error.message,
            }),
          })),
        );
        return;
      }
      if (action === 'reschedule') setChanging(false);
      if (action === 'cancel') props.onGone(t('scheduled.cancelled'));
      if (action === 'edit') props.onGone(t('scheduled.backInComposer'));
    } catch (thrown) {
      setErrors([serializeError(thrown)]);
    } finally {
      setBusy(undefined);
    }
  };
  const retry = (accountId: string) =>
    void sendMessage('post.retry', { jobId: job.id, accountId }).catch((thrown: unknown) =>
      setErrors([serializeError(thrown)]),
    );

  return (
    <li className="history-item" aria-labelledby={summaryId}>
      <p className="history-summary" id={summaryId}>
        {job.summary || t('history.noText')}
      </p>
      <p className="muted">
        {t('scheduled.goesOut')}{' '}
        <time dateTime={new Date(at).toISOString()}>{formatDateTime(at, DATE_FORMAT)}</time>
      </p>
      <JobTargets job={job} accounts={props.accounts} onRetry={retry} />
      {errors.map((error, index) => (
        <ErrorMessage key={index} error={error} />
      ))}
      {changing ? (
        <RescheduleForm
          current={at}
          busy={busy === 'reschedule'}
          onSave={(next) =>
            void run('reschedule', () =>
              sendMessage('schedule.reschedule', { jobId: job.id, at: next }),
            )
          }
          onClose={() => setChanging(false)}
        />
      ) : null}
      <div className="history-actions">
        {changing ? null : (
          <button type="button" disabled={busy !== undefined} onClick={() => setChanging(true)}>
            {t('scheduled.changeTime')}
          </button>
        )}
        <button
          type="button"
          disabled={busy !== undefined}
          onClick={() => void run('edit', () => sendMessage('schedule.edit', { jobId: job.id }))}
        >
          {busy === 'edit' ? t('scheduled.editing') : t('scheduled.edit')}
        </button>
        <ConfirmAction
          label={t('scheduled.cancel')}
          busy={busy === 'cancel'}
          busyLabel={t('scheduled.cancelling')}
          question={t('scheduled.cancelQuestion')}
          note={t('scheduled.cancelNote')}
          confirmLabel={t('scheduled.cancelConfirm')}
          keepLabel={t('scheduled.cancelKeep')}
          onConfirm={() =>
            void run('cancel', () => sendMessage('schedule.cancel', { jobId: job.id }))
          }
        />
      </div>
    </li>
  );
}
