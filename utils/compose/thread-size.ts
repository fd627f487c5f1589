import { formatNumber } from '../i18n/format';
import { t } from '../i18n/messages';
import type { TargetPlan } from './plan';

/** Threads longer than this are almost surely a mistake (a pasted article), and slow to post. */
export const MAX_THREAD_PARTS = 25;

/** How many posts a thread would be, in words: past the most a thread may have only "more" is known. */
export function partCount(plan: Pick<TargetPlan, 'parts' | 'partsCut'>): string {
  return plan.partsCut
    ? t('plan.moreThan', { max: formatNumber(MAX_THREAD_PARTS) })
    : formatNumber(plan.parts.length);
}
