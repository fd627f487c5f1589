// First: the storage read is under way before React's modules run (see early-read.ts).
import { earlyRead } from './early-read';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import '@/components/theme.css';
import { useComposer } from '@/utils/composer-store';
import { startPageLanguage } from '@/utils/i18n/load';
import { readFirstFrame, type FirstFrame } from './first-frame';
import { Popup } from './Popup';

async function start(): Promise<void> {
  let first: FirstFrame | undefined;
  try {
    first = await earlyRead.read;
    // Written since that read was asked for: read again, so the first frame is never older.
    if (earlyRead.changedSince()) first = await readFirstFrame();
    // In the task the read ended in, or with nothing written since it was asked for: any later
    // change to the draft reaches the store's watch.
    useComposer.getState().hydrateFrom(
      first,
      first.accounts.map((account) => account.id),
    );
  } catch (error) {
    // The popup then reads what it needs itself, one item at a time, as it did before.
    console.warn('[Crosswind] the first read failed', error);
    first = undefined;
  } finally {
    earlyRead.stop();
  }
  // The words come first: a page rendered before its language is known would flash in another.
  await startPageLanguage(document, 'pageTitle.popup', first?.language);
  // Rendered in the task the read ended in, not in one React would schedule after it.
  flushSync(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <ErrorBoundary>
          <Popup accounts={first?.accounts} />
        </ErrorBoundary>
      </StrictMode>,
    ),
  );
}

void start();
