const DAY_MS = 24 * 60 * 60_000;

function startOfDay(at: number): number {
  const date = new Date(at);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** A time of day as the user's locale writes it, without seconds: "14:05" or "2:05 PM". */
export function clockText(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
}

function dayText(at: number, now: number): string {
  const days = Math.round((startOfDay(at) - startOfDay(now)) / DAY_MS);
  if (days === 0) return '';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Date(at).toLocaleDateString([], {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(!sameYear && { year: 'numeric' }),
  });
}

/** A moment as a noun, for "Scheduled for …": "14:05", "tomorrow, 14:05", "Tue 3 Jun, 14:05". */
export function momentText(at: number, now = Date.now()): string {
  const day = dayText(at, now);
  return day ? `${day}, ${clockText(at)}` : clockText(at);
}

/** A moment after a verb, for "posts it …": "at 14:05", "tomorrow at 14:05", "on Tue 3 Jun at 14:05". */
export function atMomentText(at: number, now = Date.now()): string {
  const day = dayText(at, now);
  if (!day) return `at ${clockText(at)}`;
  const preposition = day === 'tomorrow' || day === 'yesterday' ? '' : 'on ';
  return `${preposition}${day} at ${clockText(at)}`;
}
