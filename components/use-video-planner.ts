import { useEffect, useState } from 'react';
import { loadVideoPlanner, videoPlannerReady } from '@/utils/compose/video-planner';

/** Loads the video rules once a draft has a clip; true (and a new render) once they are there. */
export function useVideoPlanner(needed: boolean): boolean {
  const [ready, setReady] = useState(videoPlannerReady);
  useEffect(() => {
    if (!needed || ready) return;
    let live = true;
    void loadVideoPlanner().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [needed, ready]);
  return ready;
}
