import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import '@/components/theme.css';
import { startPageLanguage } from '@/utils/i18n/load';
import { OptionsApp } from './OptionsApp';

// The words come first: a page rendered before its language is known would flash in another.
void startPageLanguage(document, 'pageTitle.options').then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary>
        <OptionsApp />
      </ErrorBoundary>
    </StrictMode>,
  );
});
