import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { firstFramePainted } from '@/utils/after-first-frame';
import { sendMessage } from '@/utils/messaging';

/**
 * Asks the background to read the page the composer was opened on: the active tab for the toolbar
 * popup, or the tab named by `?tab=` when the composer is a window or a tab of its own. Answers
 * false when that page could not be read, undefined while asking or when there is no page.
 */
export function usePageCapture(): boolean | undefined {
  const [captured, setCaptured] = useState<boolean>();
  useEffect(() => {
    let live = true;
    const tabParam = new URLSearchParams(location.search).get('tab');
    void (async () => {
      // The page is read (and the worker woken) once the composer is on screen.
      await firstFramePainted();
      // A composer in a tab or window of its own has no page beside it, unless one is named.
      const opened = await browser.tabs.getCurrent();
      if (opened && tabParam === null) return;
      const tabId = tabParam === null ? undefined : Number(tabParam);
      const answer = await sendMessage('page.capture', tabId === undefined ? {} : { tabId });
      if (live) setCaptured(answer.captured);
    })().catch(() => {
      if (live) setCaptured(false);
    });
    return () => {
      live = false;
    };
  }, []);
  return captured;
}
