import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import '@/components/theme.css';
import { startPageLanguage } from '@/utils/i18n/load';
import { PopupApp } from './PopupApp';

// The words come first: a page rendered before its language is known would flash in another.
void startPageLanguage(document, 'pageTitle.popup').then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <PopupApp />
      </ErrorBoundary>
    </StrictMode>,
  );
});
