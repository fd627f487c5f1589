import { useEffect, useState } from 'react';
import { loadMeasures, type Measures } from '@/utils/networks/measures';

/**
 * The networks' counters, asked for once the composer is on screen: its first frame does without
 * them, and they arrive a moment later. Until then this is undefined.
 */
export function useMeasures(): Measures | undefined {
  const [measures, setMeasures] = useState<Measures>();
  const [failure, setFailure] = useState<unknown>();
  // Thrown while rendering, so the page's error boundary shows it (and the saved draft).
  if (failure !== undefined) throw failure;
  useEffect(() => {
    let live = true;
    const load = () =>
      loadMeasures().then(
        (loaded) => live && setMeasures(() => loaded),
        (error: unknown) => live && setFailure(() => error ?? new Error('counters did not load')),
      );
    // A frame's callback runs before it is painted, a task queued there once it has been. A
    // hidden page paints no frames, so it loads at once.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame =
      document.visibilityState === 'hidden'
        ? (void load(), undefined)
        : requestAnimationFrame(() => (timer = setTimeout(() => void load(), 0)));
    return () => {
      live = false;
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return measures;
}
