import { useEffect, useState } from 'react';
import { afterFirstFrame } from '@/utils/after-first-frame';
import { loadPlanner, type Planner } from '@/utils/compose/load-planner';

/**
 * The planner and the networks' counters, asked for once the composer is on screen: its first
 * frame does without them, and they arrive a moment later. Until then this is undefined.
 */
export function usePlanner(): Planner | undefined {
  const [planner, setPlanner] = useState<Planner>();
  const [failure, setFailure] = useState<unknown>();
  // Thrown while rendering, so the page's error boundary shows it (and the saved draft).
  if (failure !== undefined) throw failure;
  useEffect(() => {
    let live = true;
    const cancel = afterFirstFrame(() => {
      loadPlanner().then(
        (loaded) => live && setPlanner(() => loaded),
        (error: unknown) => live && setFailure(() => error ?? new Error('counters did not load')),
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, []);
  return planner;
}
