import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { afterFirstFrame } from '@/utils/after-first-frame';
import type { Account } from '@/utils/networks/types';
import { restoreCaret, type Caret } from './caret';
import { FirstFrame } from './FirstFrame';

type PopupAppModule = typeof import('./PopupApp');

/**
 * The popup: its first frame from what is loaded with the page, then, once that frame is on
 * screen, the full composer, loaded by itself (a failure to load it reaches the error boundary).
 */
export function Popup(props: { accounts?: Account[] | undefined }) {
  const [app, setApp] = useState<PopupAppModule>();
  const caret = useRef<Caret | null>(null);
  const keepCaret = useCallback((left: Caret) => (caret.current = left), []);

  useEffect(
    () =>
      afterFirstFrame(() => {
        import('./PopupApp').then(setApp, (error: unknown) =>
          setApp(() => {
            throw error;
          }),
        );
      }),
    [],
  );

  // After the full composer's own autofocus: the caret goes back where the writer left it.
  useLayoutEffect(() => {
    const field = document.getElementById('post-text');
    if (app && caret.current && field instanceof HTMLTextAreaElement) {
      restoreCaret(field, caret.current);
    }
    caret.current = null;
  }, [app]);

  if (!app) {
    return <FirstFrame accounts={props.accounts} onLeave={keepCaret} />;
  }
  return <app.PopupApp accounts={props.accounts} />;
}
