import { useId, useState, type FormEvent } from 'react';
import { fromLocalInput, scheduleProblem, toLocalInput } from '@/utils/compose/schedule';
import { useNow } from '@/utils/use-now';
import { t } from '@/utils/i18n/messages';

/** "Change time": a new moment for a scheduled post, checked before it is sent. */
export function RescheduleForm(props: {
  current: number;
  busy: boolean;
  onSave(at: number): void;
  onClose(): void;
}) {
  const whyId = useId();
  const [value, setValue] = useState(() => toLocalInput(props.current));
  const now = useNow(true);
  const at = fromLocalInput(value);
  const problem = scheduleProblem(at, now);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (at !== undefined && !problem) props.onSave(at);
  };

  return (
    <form className="schedule-time" onSubmit={save}>
      <label className="field">
        <span>{t('schedule.newTime')}</span>
        <input
          type="datetime-local"
          value={value}
          min={toLocalInput(now)}
          step={60}
          required
          autoFocus
          aria-invalid={problem ? true : undefined}
          aria-describedby={whyId}
          onChange={(event) => setValue(event.currentTarget.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={props.busy || problem !== undefined}>
        {props.busy ? t('common.saving') : t('common.save')}
      </button>
      <button type="button" onClick={props.onClose}>
        {t('schedule.keepTime')}
      </button>
      <span className="why" id={whyId}>
        {problem ?? ''}
      </span>
    </form>
  );
}
