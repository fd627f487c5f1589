import { formatDateTime, formatRelativeDays } from './i18n/format';
import { t } from './i18n/messages';

const DAY_MS = 24 * 60 * 60_000;

function startOfDay(at: number): number {
  const date = new Date(at);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** A time of day as the active language writes it, without seconds: "14:05" or "2:05 PM". */
export function clockText(at: number): string {
  return formatDateTime(at, { hour: 'numeric', minute: '2-digit' });
}

/** How far a day is from today: 0 today, 1 tomorrow, -1 yesterday. */
function dayOffset(at: number, now: number): number {
  return Math.round((startOfDay(at) - startOfDay(now)) / DAY_MS);
}

function dateText(at: number, now: number): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return formatDateTime(at, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(!sameYear && { year: 'numeric' }),
  });
}

/** A moment as a noun, for "Scheduled for …": "14:05", "tomorrow, 14:05", "Tue 3 Jun, 14:05". */
export function momentText(at: number, now = Date.now()): string {
  const days = dayOffset(at, now);
  if (days === 0) return clockText(at);
  const day = Math.abs(days) === 1 ? formatRelativeDays(days) : dateText(at, now);
  return t('time.dayAndClock', { day, clock: clockText(at) });
}

/** A moment after a verb, for "posts it …": "at 14:05", "tomorrow at 14:05", "on Tue 3 Jun at 14:05". */
export function atMomentText(at: number, now = Date.now()): string {
  const days = dayOffset(at, now);
  const clock = clockText(at);
  if (days === 0) return t('time.atClock', { clock });
  if (Math.abs(days) === 1) {
    return t('time.relativeDayAtClock', { day: formatRelativeDays(days), clock });
  }
  return t('time.onDayAtClock', { day: dateText(at, now), clock });
}
