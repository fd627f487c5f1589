import { partCount, type TargetPlan } from '@/utils/compose/plan';
import { useComposer } from '@/utils/composer-store';
import { accountLabel, NETWORK_INFO } from '@/utils/networks/info';
import type { Account } from '@/utils/networks/types';
import type { TextMeasure } from '@/utils/text/limits';

/** How close each picked account is to its own limit, counted by that network's rules, with its thread. */
export function TargetCounters(props: { plans: TargetPlan[]; disabled: boolean }) {
  const { setThreaded } = useComposer();
  if (props.plans.length === 0) return null;
  return (
    <ul className="counters" aria-label="Length per account">
      {props.plans.map((plan) => {
        const label = accountLabel(plan.account);
        const thread = plan.parts.length > 1;
        const worst = thread ? worstPart(plan) : plan.measure;
        return (
          <li key={plan.account.id} className={`counter ${toneOf(worst)}`}>
            <span className="counter-name">
              {NETWORK_INFO[plan.account.network].name} · @{plan.account.handle}
              {plan.source !== 'main' ? (
                <span className="counter-note"> · separate text</span>
              ) : null}
            </span>
            <span
              className="counter-value"
              aria-label={`${label}: ${describe(plan.parts.length, worst, partCount(plan))}`}
            >
              {thread ? `${partCount(plan)} posts` : shortValue(worst)}
            </span>
            {worst.detail ? <span className="counter-detail">{worst.detail}</span> : null}
            {plan.needsMedia ? (
              <span className="counter-detail counter-needs">{plan.needsMedia}</span>
            ) : null}
            {plan.video ? (
              <span className={`counter-detail${plan.video.problem ? ' counter-needs' : ''}`}>
                {plan.video.problem ?? plan.video.note}
              </span>
            ) : null}
            {plan.account.limits.note ? (
              <span className="counter-detail">{plan.account.limits.note}</span>
            ) : null}
            {plan.canThread || plan.threaded ? (
              <label className="check counter-thread">
                <input
                  type="checkbox"
                  checked={plan.threaded}
                  disabled={props.disabled}
                  aria-label={`Post as a thread to ${label}`}
                  onChange={(event) => setThreaded(plan.account.id, event.currentTarget.checked)}
                />
                Post as a thread
              </label>
            ) : null}
            {thread ? <ThreadPreview plan={plan} label={label} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The counters' place while they load (a moment after the first frame), one line per account as
 * they will be, so nothing below moves when the counts arrive.
 */
export function PendingCounters(props: { accounts: Account[] }) {
  if (props.accounts.length === 0) return null;
  return (
    <ul className="counters" aria-label="Length per account" aria-busy="true">
      {props.accounts.map((account) => (
        <li key={account.id} className="counter ok">
          <span className="counter-name">
            {NETWORK_INFO[account.network].name} · @{account.handle}
          </span>
          <span className="counter-value">…</span>
        </li>
      ))}
    </ul>
  );
}

/** Every part as it will be posted, each with its own count, before anything is sent. */
function ThreadPreview({ plan, label }: { plan: TargetPlan; label: string }) {
  return (
    <details className="thread-preview">
      <summary>Preview the {plan.parts.length} posts</summary>
      <ol aria-label={`Thread for ${label}`}>
        {plan.parts.map((part, index) => (
          <li key={index} className={`thread-part ${toneOf(part.measure)}`}>
            <p className="thread-text">{part.text}</p>
            <span className="counter-value">{describe(1, part.measure)}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

function worstPart(plan: TargetPlan): TextMeasure {
  return plan.parts.reduce(
    (worst, part) => (part.measure.remaining < worst.remaining ? part.measure : worst),
    plan.parts[0]?.measure ?? plan.measure,
  );
}

function toneOf(measure: TextMeasure): 'over' | 'near' | 'ok' {
  if (measure.over) return 'over';
  return measure.remaining <= measure.limit * 0.1 ? 'near' : 'ok';
}

function shortValue(measure: TextMeasure): string {
  if (!measure.over) return String(measure.remaining);
  return measure.remaining < 0 ? `−${-measure.remaining}` : '!';
}

/** The counter in words; graphemes are what people call characters, so that is the word used. */
function describe(posts: number, measure: TextMeasure, count = String(posts)): string {
  const detail = measure.detail ? ` (${measure.detail})` : '';
  const prefix = posts > 1 ? `thread of ${count} posts, ` : '';
  if (!measure.over) {
    const left = `${measure.remaining} of ${measure.limit} characters left`;
    return prefix
      ? `${prefix}each within the limit; fullest has ${left}${detail}`
      : `${left}${detail}`;
  }
  if (measure.remaining < 0) {
    return `${prefix}${characters(-measure.remaining)} over the limit of ${measure.limit}${detail}`;
  }
  return `${prefix}too long${detail}`;
}

function characters(count: number): string {
  return count === 1 ? '1 character' : `${count} characters`;
}
