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

const DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

type Action = 'cancel' | 'reschedule' | 'edit';

const FAILED_WORDS: Record<Action, string> = {
  cancel: 'Could not cancel on',
  reschedule: 'Could not change the time on',
  edit: 'Could not take it off the schedule on',
};

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
            message: `${FAILED_WORDS[action]} ${targetLabel(accountId, props.accounts)}: ${error.message}`,
          })),
        );
        return;
      }
      if (action === 'reschedule') setChanging(false);
      if (action === 'cancel') props.onGone('Schedule cancelled: the post was not sent.');
      if (action === 'edit') {
        props.onGone(
          'The post is back in the composer: open Crosswind from the toolbar to change and send it.',
        );
      }
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
        {job.summary || '(no text)'}
      </p>
      <p className="muted">
        Goes out{' '}
        <time dateTime={new Date(at).toISOString()}>
          {new Date(at).toLocaleString(undefined, DATE_FORMAT)}
        </time>
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
            Change time
          </button>
        )}
        <button
          type="button"
          disabled={busy !== undefined}
          onClick={() => void run('edit', () => sendMessage('schedule.edit', { jobId: job.id }))}
        >
          {busy === 'edit' ? 'Taking it off the schedule…' : 'Edit'}
        </button>
        <ConfirmAction
          label="Cancel schedule"
          busy={busy === 'cancel'}
          busyLabel="Cancelling…"
          question="Confirm cancelling this scheduled post"
          note="It will not be posted anywhere."
          confirmLabel="Yes, cancel it"
          keepLabel="Keep it"
          onConfirm={() =>
            void run('cancel', () => sendMessage('schedule.cancel', { jobId: job.id }))
          }
        />
      </div>
    </li>
  );
}
