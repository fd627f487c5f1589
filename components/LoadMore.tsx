import { useEffect, useRef } from 'react';

/**
 * A "show more" button that also presses itself when scrolled into view, so a long list loads as
 * the user reads down it and stays reachable by keyboard.
 */
export function LoadMore(props: { label: string; onLoad: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  const { onLoad } = props;
  useEffect(() => {
    const element = button.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoad();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [onLoad]);
  return (
    <button type="button" ref={button} className="load-more" onClick={onLoad}>
      {props.label}
    </button>
  );
}
