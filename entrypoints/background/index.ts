import { listenForMessages } from '@/utils/messaging';
import { syncLockedKeys } from '@/utils/networks/nostr/account-signer';
import { startCredentialUpkeep } from '@/utils/networks/credential-upkeep';
import { resumeDue } from '@/utils/publish/publisher';
import { keepStorageFromContentScripts } from '@/utils/storage';
import { onWakeAlarm } from '@/utils/publish/wake';
import { startDeliveryFeedback } from './feedback';
import { handlers } from './handlers';
import { startLanguage } from './language';
import { retitleShareMenus, startShareMenus } from './menus';

export default defineBackground({
  type: 'module',
  main() {
    // First of all: nothing a page's process runs may write what the rest of this acts on.
    keepStorageFromContentScripts().catch((error: unknown) =>
      console.error('Crosswind could not keep storage from content scripts', error),
    );
    // Before anything that words a menu or a notification (they wait for it).
    startLanguage(retitleShareMenus);
    listenForMessages(handlers);
    startDeliveryFeedback();
    startShareMenus();
    // Retries and scheduled posts come due on this alarm, even after the worker was stopped.
    onWakeAlarm(resumeDue);
    // Posts that waited for the network go out as soon as the browser is back online.
    globalThis.addEventListener?.('online', () => void resumeDue());
    // A worker stopped mid-post left jobs behind: finish them now.
    void resumeDue();
    // After a browser restart, Nostr keys kept by Crosswind wait for their passphrase again.
    syncLockedKeys().catch((error: unknown) =>
      console.error('Crosswind could not check its Nostr keys', error),
    );
    // Logins that expire unless renewed (Threads) are renewed now and on an alarm.
    startCredentialUpkeep();
  },
});
