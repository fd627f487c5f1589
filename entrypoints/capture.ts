import { capturePage } from '@/utils/capture/capture-page';
import type { PageCapture } from '@/utils/capture/types';

/**
 * Injected only when the user invokes Crosswind on this tab (toolbar, menu or shortcut, through
 * activeTab), never at install. It reads the page and the selection and returns them as plain data,
 * which the background checks and cleans again: it writes nothing, since whatever runs in a page's
 * process must not be able to change what the background acts on.
 *
 * An unlisted script, not a content script: WXT's content-script wrapper announces every start to
 * the page (a `postMessage` and a document event carrying Crosswind's id), which a script that runs
 * once, on request, has no use for.
 */
export default defineUnlistedScript((): PageCapture => {
  return capturePage(document, location.href, window.getSelection());
});
