import { lazy, Suspense, useState } from 'react';
import { t, tn } from '@/utils/i18n/messages';
import { formatNumber } from '@/utils/i18n/format';
import { storedText } from '@/utils/i18n/wording';
import type { TargetPlan } from '@/utils/compose/plan';
import { partCount } from '@/utils/compose/thread-size';
import { useComposer } from '@/utils/composer-store';
import { accountLabel, NETWORK_INFO } from '@/utils/networks/info';
import type { Account } from '@/utils/networks/types';
import type { TextMeasure } from '@/utils/text/limits';

// Only a draft with a clip shows it, once the video rules have loaded: not for the first frame.
const VideoPlanNote = lazy(() => import('./VideoPlanNote'));

/** How close each picked account is to its own limit, counted by that network's rules, with its thread. */
export function TargetCounters(props: { plans: TargetPlan[]; disabled: boolean }) {
  const setThreaded = useComposer((state) => state.setThreaded);
  if (props.plans.length === 0) return null;
  return (
    <ul className="counters" aria-label={t('counters.label')}>
      {props.plans.map((plan) => {
        const label = accountLabel(plan.account);
        const thread = plan.parts.length > 1;
        const worst = thread ? worstPart(plan) : plan.measure;
        return (
          <li key={plan.account.id} className={`counter ${toneOf(worst)}`}>
            <span className="counter-name">
              {NETWORK_INFO[plan.account.network].name} · @{plan.account.handle}
              {plan.source !== 'main' ? (
                <span className="counter-note"> · {t('counters.separateText')}</span>
              ) : null}
            </span>
            <span
              className="counter-value"
              aria-label={t('counters.value', {
                account: label,
                description: describe(
                  plan.parts.length,
                  worst,
                  plan.partsCut ? partCount(plan) : undefined,
                ),
              })}
            >
              {thread ? postCount(plan) : shortValue(worst)}
            </span>
            {worst.detail ? <span className="counter-detail">{worst.detail}</span> : null}
            {plan.needsMedia ? (
              <span className="counter-detail counter-needs">{plan.needsMedia}</span>
            ) : null}
            {plan.video ? (
              <Suspense fallback={null}>
                <VideoPlanNote plan={plan.video} account={plan.account} />
              </Suspense>
            ) : null}
            {plan.account.limits.note ? (
              <span className="counter-detail">{storedText(plan.account.limits.note)}</span>
            ) : null}
            {plan.canThread || plan.threaded ? (
              <label className="check counter-thread">
                <input
                  type="checkbox"
                  checked={plan.threaded}
                  disabled={props.disabled}
                  aria-label={t('counters.postAsThreadTo', { account: label })}
                  onChange={(event) => setThreaded(plan.account.id, event.currentTarget.checked)}
                />
                {t('counters.postAsThread')}
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
    <ul className="counters" aria-label={t('counters.label')} aria-busy="true">
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
  // The parts exist on the page only while shown: a closed preview of a long thread would
  // otherwise be rewritten, all of it, on every keystroke.
  const [open, setOpen] = useState(false);
  return (
    <details className="thread-preview" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{tn('counters.preview', plan.parts.length)}</summary>
      {open ? (
        <ol aria-label={t('counters.threadFor', { account: label })}>
          {plan.parts.map((part, index) => (
            <li key={index} className={`thread-part ${toneOf(part.measure)}`}>
              <p className="thread-text" dir="auto">
                {part.text}
              </p>
              <span className="counter-value">{describe(1, part.measure)}</span>
            </li>
          ))}
        </ol>
      ) : null}
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
  if (!measure.over) return formatNumber(measure.remaining);
  return measure.remaining < 0 ? `−${formatNumber(-measure.remaining)}` : '!';
}

/** How many posts a thread is; past the most a thread may have, only "more than" is known. */
function postCount(plan: TargetPlan): string {
  return plan.partsCut
    ? t('counters.postsMore', { parts: partCount(plan) })
    : tn('counters.posts', plan.parts.length);
}

/**
 * The counter in words; graphemes are what people call characters, so that is the word used.
 * `moreThan` names a thread cut short past the most a thread may have ("more than 25").
 */
function describe(posts: number, measure: TextMeasure, moreThan?: string): string {
  const withDetail = (text: string) =>
    measure.detail ? t('counters.withDetail', { text, detail: measure.detail }) : text;
  const inThread = (text: string) => {
    if (posts <= 1) return text;
    return moreThan
      ? t('counters.threadMore', { parts: moreThan, text })
      : tn('counters.thread', posts, { text });
  };
  if (!measure.over) {
    const left = t('counters.left', {
      remaining: formatNumber(measure.remaining),
      limit: formatNumber(measure.limit),
    });
    return posts > 1 ? withDetail(inThread(t('counters.fullest', { left }))) : withDetail(left);
  }
  if (measure.remaining < 0) {
    const over = tn('counters.over', -measure.remaining, { limit: formatNumber(measure.limit) });
    return withDetail(inThread(over));
  }
  return withDetail(inThread(t('counters.tooLong')));
}
