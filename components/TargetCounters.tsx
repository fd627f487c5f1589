import { NETWORK_INFO, accountLabel } from '@/utils/networks/info';
import type { Account } from '@/utils/networks/types';
import type { TextMeasure } from '@/utils/text/limits';

/** How close each picked account is to its own limit, counted by that network's rules. */
export function TargetCounters({
  rows,
}: {
  rows: Array<{ account: Account; measure: TextMeasure }>;
}) {
  if (rows.length === 0) return null;
  return (
    <ul className="counters" aria-label="Length per account">
      {rows.map(({ account, measure }) => {
        const tone = measure.over
          ? 'over'
          : measure.remaining <= measure.limit * 0.1
            ? 'near'
            : 'ok';
        const text = describe(measure);
        return (
          <li key={account.id} className={`counter ${tone}`}>
            <span className="counter-name">
              {NETWORK_INFO[account.network].name} · @{account.handle}
            </span>
            <span className="counter-value" aria-label={`${accountLabel(account)}: ${text}`}>
              {measure.over
                ? measure.remaining < 0
                  ? `−${-measure.remaining}`
                  : '!'
                : measure.remaining}
            </span>
            {measure.detail ? <span className="counter-detail">{measure.detail}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The counter in words; graphemes are what people call characters, so that is the word used. */
function describe(measure: TextMeasure): string {
  const detail = measure.detail ? ` (${measure.detail})` : '';
  if (!measure.over) return `${measure.remaining} of ${measure.limit} characters left${detail}`;
  if (measure.remaining < 0) {
    return `${characters(-measure.remaining)} over the limit of ${measure.limit}${detail}`;
  }
  return `too long${detail}`;
}

function characters(count: number): string {
  return count === 1 ? '1 character' : `${count} characters`;
}
