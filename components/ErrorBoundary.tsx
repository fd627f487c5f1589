import { Component, type ErrorInfo, type ReactNode } from 'react';
import { SavedDraftRescue } from './SavedDraftRescue';

interface State {
  failed: boolean;
}

/**
 * Whatever breaks while a page renders (a server's odd data, a bug), the page falls back to one
 * that still shows the saved draft and lets it be copied, instead of going blank.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Logged once, for the extension's console; the page itself says what the user can do.
    console.error('[Crosswind] the page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <SavedDraftRescue onRetry={() => this.setState({ failed: false })} />;
  }
}
