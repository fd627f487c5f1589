// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { SavedDraftRescue } from '@/components/SavedDraftRescue';
import { newDraft } from '@/utils/compose/draft';
import { draftStorage } from '@/utils/storage';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('SavedDraftRescue', () => {
  it('shows the saved draft, and the last keys when their save arrives after the break', async () => {
    const draft = { ...newDraft([], 'en'), text: 'Typed before' };
    await draftStorage.setValue(draft);
    const container = document.createElement('div');
    const root = createRoot(container);
    await act(async () => root.render(createElement(SavedDraftRescue, { onRetry: () => {} })));
    const shown = () => container.querySelector<HTMLTextAreaElement>('#rescued-draft')?.value;
    await vi.waitFor(() => expect(shown()).toBe('Typed before'));

    await act(async () => {
      await draftStorage.setValue({ ...draft, text: 'Typed before the break', updatedAt: 2 });
    });
    await vi.waitFor(() => expect(shown()).toBe('Typed before the break'));
    await act(async () => root.unmount());
  });
});
