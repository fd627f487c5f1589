import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import '@/components/theme.css';
import { startPageLanguage } from '@/utils/i18n/load';
import { HistoryApp } from './HistoryApp';

// This folder is not called "history": WXT makes an entrypoint of that name replace the browser's
// own History page (chrome_url_overrides).

// The words come first: a page rendered before its language is known would flash in another.
void startPageLanguage(document, 'pageTitle.sentPosts').then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <HistoryApp />
      </ErrorBoundary>
    </StrictMode>,
  );
});
