import { numberFormatFor } from './intl-cache';
import { activeLanguage } from './messages';

/** A date and/or time written the way the active language writes it. */
export function formatDateTime(at: number, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(activeLanguage(), options).format(at);
}

/** A number with the active language's digit grouping ("1,000", "1.000", "1 000"). */
export function formatNumber(value: number): string {
  return numberFormatFor(activeLanguage()).format(value);
}

/** "tomorrow", "yesterday", "in 3 days": a day offset as the active language says it. */
export function formatRelativeDays(days: number): string {
  return new Intl.RelativeTimeFormat(activeLanguage(), { numeric: 'auto' }).format(days, 'day');
}

/** A list joined the active language's way: "a, b and c", "a, b und c", "a、b、c". */
export function formatList(items: string[]): string {
  return new Intl.ListFormat(activeLanguage(), { type: 'conjunction' }).format(items);
}
