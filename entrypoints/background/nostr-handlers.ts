import { findAccount, patchAccount, upsertAccount } from '@/utils/accounts';
import { CrosswindError } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';
import type { MessageHandlers } from '@/utils/messaging';
import {
  awaitNostrConnect,
  beginNostrConnect,
  editedSettings,
  unlockLocalKey,
} from '@/utils/networks/nostr/connect';
import { generateKey, keyBackup } from '@/utils/networks/nostr/local-key';
import { uniqueRelays } from '@/utils/networks/nostr/relay-url';
import { lookupRelaysStorage } from '@/utils/networks/nostr/settings';
import type { NostrAccountSettings } from '@/utils/networks/nostr/types';
import type { Account } from '@/utils/networks/types';
import { resumeDue } from '@/utils/publish/publisher';

type NostrHandlers = Pick<
  MessageHandlers,
  | 'nostr.newKey'
  | 'nostr.startConnect'
  | 'nostr.awaitConnect'
  | 'nostr.unlock'
  | 'nostr.editSettings'
  | 'nostr.lookupRelays'
>;

async function nostrAccount(
  accountId: string,
): Promise<{ account: Account; settings: NostrAccountSettings }> {
  const account = await findAccount(accountId);
  if (!account?.nostr) throw new CrosswindError('validation', words('nostrUi.accountGone'));
  return { account, settings: account.nostr };
}

/** Keeps an account the signer app approved; posts waiting for it go out. */
async function keepConnected(account: Account): Promise<void> {
  await upsertAccount(account);
  void resumeDue();
}

/** The Nostr-only steps of connecting and keeping an account, run in the background. */
export const nostrHandlers: NostrHandlers = {
  // The key is made here, where nostr-tools lives; it is connected only once the user saved it.
  async 'nostr.newKey'() {
    return keyBackup(generateKey());
  },

  async 'nostr.startConnect'({ relays, mediaServer }) {
    return beginNostrConnect(relays, keepConnected, mediaServer);
  },

  async 'nostr.awaitConnect'({ uri }) {
    return awaitNostrConnect(uri);
  },

  async 'nostr.unlock'({ accountId, passphrase }) {
    await unlockLocalKey((await nostrAccount(accountId)).account, passphrase);
    await patchAccount(accountId, (item) => {
      if (item.nostr) item.nostr.locked = false;
      item.state = 'connected';
    });
    // Posts that waited for the key go out now.
    void resumeDue();
  },

  async 'nostr.lookupRelays'({ relays }) {
    if (relays) {
      const usable = uniqueRelays(relays);
      if (usable.length > 0) await lookupRelaysStorage.setValue(usable);
      else await lookupRelaysStorage.removeValue();
    }
    return lookupRelaysStorage.getValue();
  },

  async 'nostr.editSettings'({ accountId, writeRelays, mediaServers }) {
    const current = (await nostrAccount(accountId)).settings;
    const settings = editedSettings(current, { writeRelays, mediaServers });
    await patchAccount(accountId, (item) => {
      item.nostr = settings;
      item.server = settings.relays.write[0] ?? item.server;
    });
  },
};
