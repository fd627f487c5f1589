import { activeLanguage } from './messages';

/** A file size in megabytes, as servers count them (1 MB = 1,000,000 bytes): "99 MB", "3.5 Mo". */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 1_000_000;
  return new Intl.NumberFormat(activeLanguage(), {
    style: 'unit',
    unit: 'megabyte',
    maximumFractionDigits: megabytes < 10 ? 1 : 0,
  }).format(megabytes);
}

/** A clip's length as a player shows it: "0:10", "3:20", "1:02:03". */
export function formatClock(ms: number): string {
  const total = Math.round(ms / 1000);
  const seconds = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** A length limit in words: "3 minutes", "90 seconds", "2 hours". */
export function formatDurationLimit(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const [value, unit] =
    seconds % 3600 === 0
      ? [seconds / 3600, 'hour']
      : seconds % 60 === 0
        ? [seconds / 60, 'minute']
        : [seconds, 'second'];
  return new Intl.NumberFormat(activeLanguage(), {
    style: 'unit',
    unit,
    unitDisplay: 'long',
  }).format(value);
}
