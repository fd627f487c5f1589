import { useEffect, useState } from 'react';

/** The current time, kept fresh while `on`, so checks such as "that time has passed" never go stale. */
export function useNow(on: boolean, everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) return undefined;
    const tick = () => setNow(Date.now());
    // At once too: the time kept while off may be minutes old.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, everyMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [on, everyMs]);
  return now;
}
