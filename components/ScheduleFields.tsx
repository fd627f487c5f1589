import type { Draft } from '@/utils/compose/draft';
import type { TargetPlan } from '@/utils/compose/plan';
import { fromLocalInput, toLocalInput } from '@/utils/compose/schedule';
import { scheduleNotes } from '@/utils/compose/schedule-notes';
import { useComposer } from '@/utils/composer-store';
import { t } from '@/utils/i18n/messages';

/**
 * "Post later": the moment to post at, and in plain words who posts it then for each kind of
 * account, and whether the browser has to be running for it.
 */
export function ScheduleFields(props: {
  draft: Draft;
  plans: TargetPlan[];
  later: boolean;
  now: number;
  /** Why the time cannot be used; shown beside the Schedule button, like every reason it is off. */
  problem: string | undefined;
  disabled: boolean;
  onLater(on: boolean): void;
}) {
  const setScheduledAt = useComposer((state) => state.setScheduledAt);
  const at = props.draft.scheduledAt;
  const notes =
    props.later && at !== undefined && !props.problem
      ? scheduleNotes(props.plans, at, props.now)
      : [];
  return (
    <div className="schedule">
      <label className="check">
        <input
          type="checkbox"
          checked={props.later}
          disabled={props.disabled}
          onChange={(event) => props.onLater(event.currentTarget.checked)}
        />
        {t('schedule.postLater')}
      </label>
      {props.later ? (
        <>
          <label className="field">
            <span>{t('schedule.postAt')}</span>
            <input
              type="datetime-local"
              // An incomplete field reads as "": the draft then has no time, and the field keeps
              // what was typed so far instead of being reset.
              value={at === undefined ? '' : toLocalInput(at)}
              min={toLocalInput(props.now)}
              step={60}
              required
              disabled={props.disabled}
              aria-invalid={props.problem ? true : undefined}
              aria-describedby="post-why schedule-note"
              onChange={(event) => setScheduledAt(fromLocalInput(event.currentTarget.value))}
            />
          </label>
          <div className="schedule-note" id="schedule-note" role="status">
            {notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}
