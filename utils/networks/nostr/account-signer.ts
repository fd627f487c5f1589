import { listAccounts, patchAccount } from '../../accounts';
import { CrosswindError } from '../../errors';
import { words } from '../../i18n/wording';
import type { Account } from '../types';
import { resumeBunker } from './bunker';
import { nostrVault, unlockedKey } from './credentials';
import { localKeySigner, parseSecretKey } from './local-key';
import type { NostrSigner } from './signer';
import type { NostrAccountSettings } from './types';

// The signer for an account, made only when something must be signed: resending a recorded
// event needs no key, so a locked key or a sleeping signer app never holds a retry back.

/** Remote signers stay connected while the worker lives: a thread signs several notes. */
const bunkers = new Map<string, { clientKey: string; signer: NostrSigner }>();

/** The account's Nostr settings, or an 'auth' error when the record has none. */
export function settingsOf(account: Account): NostrAccountSettings {
  if (!account.nostr) {
    throw new CrosswindError('auth', words('nostrUi.reconnectNeeded', { account: account.handle }));
  }
  return account.nostr;
}

async function localSigner(account: Account): Promise<NostrSigner> {
  if (!(await nostrVault.localKey(account))) {
    throw new CrosswindError('auth', words('nostrUi.reconnectNeeded', { account: account.handle }));
  }
  const hex = await unlockedKey(account.id);
  if (!hex) {
    // The browser restarted: the key waits for its passphrase, and the composer says so.
    await patchAccount(account.id, (item) => {
      if (item.nostr) item.nostr.locked = true;
    });
    throw new CrosswindError('auth', words('nostrUi.unlockFirst', { account: account.handle }));
  }
  return localKeySigner(parseSecretKey(hex));
}

async function remoteSigner(account: Account): Promise<NostrSigner> {
  const session = await nostrVault.bunker(account);
  if (!session) {
    throw new CrosswindError('auth', words('nostrUi.reconnectNeeded', { account: account.handle }));
  }
  const cached = bunkers.get(account.id);
  if (cached && cached.clientKey === session.clientSecretKey) return cached.signer;
  // The vault's relays and signer key, never the record's: the record is less trusted.
  const signer = resumeBunker(session);
  bunkers.set(account.id, { clientKey: session.clientSecretKey, signer });
  return signer;
}

/** Signs with the account's key, wherever it is kept; only asks for it on the first signature. */
export function accountSigner(account: Account): NostrSigner {
  const method = settingsOf(account).signer;
  let made: Promise<NostrSigner> | undefined;
  const get = () => {
    made ??= method === 'bunker' ? remoteSigner(account) : localSigner(account);
    made.catch(() => (made = undefined));
    return made;
  };
  return {
    method,
    getPublicKey: async () => account.remoteId,
    signEvent: async (template) => (await get()).signEvent(template),
    // Remote signers stay open for the worker's later notes; local ones hold nothing.
    close: async () => {},
  };
}

/** Closes a remote signer's connections, when its account is removed. */
export async function closeAccountSigner(accountId: string): Promise<void> {
  const cached = bunkers.get(accountId);
  bunkers.delete(accountId);
  await cached?.signer.close();
}

/**
 * Marks each local-key account locked or not, as the browser session has its key: after the
 * browser restarted, the composer says "Unlock" before Post instead of after a failed attempt.
 */
export async function syncLockedKeys(): Promise<void> {
  for (const account of await listAccounts()) {
    if (account.nostr?.signer !== 'local-key') continue;
    const locked = (await unlockedKey(account.id)) === undefined;
    if (account.nostr.locked === locked) continue;
    await patchAccount(account.id, (item) => {
      if (item.nostr) item.nostr.locked = locked;
    });
  }
}
