import { browser } from 'wxt/browser';
import { listenForMessages } from '@/utils/messaging';
import { resumeDue } from '@/utils/publish/publisher';
import { OUTBOX_ALARM } from '@/utils/publish/wake';
import { startDeliveryFeedback } from './feedback';
import { handlers } from './handlers';
import { startShareMenus } from './menus';

export default defineBackground({
  type: 'module',
  main() {
    listenForMessages(handlers);
    startDeliveryFeedback();
    startShareMenus();
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === OUTBOX_ALARM) void resumeDue();
    });
    // Posts that waited for the network go out as soon as the browser is back online.
    globalThis.addEventListener?.('online', () => void resumeDue());
    // A worker stopped mid-post left jobs behind: finish them now.
    void resumeDue();
  },
});
