import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import '@/components/theme.css';
import { HistoryApp } from './HistoryApp';

// This folder is not called "history": WXT makes an entrypoint of that name replace the browser's
// own History page (chrome_url_overrides).

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <HistoryApp />
    </ErrorBoundary>
  </StrictMode>,
);
