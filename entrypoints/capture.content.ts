import { capturePage } from '@/utils/capture/capture-page';
import { captureStore } from '@/utils/capture/capture-store';
import type { PageCapture } from '@/utils/capture/types';

/**
 * Injected only when the user invokes Crosswind on this tab (toolbar, menu or shortcut, through
 * activeTab), never at install: it reads the page and the selection, puts them in the shared
 * store and returns them. It never sees tokens or the user's accounts.
 */
export default defineContentScript({
  registration: 'runtime',
  async main(): Promise<PageCapture> {
    const capture = capturePage(document, location.href, window.getSelection());
    await captureStore.getState().patch({ capture });
    return capture;
  },
});
