import { storage } from 'wxt/utils/storage';
import { CrosswindError } from '../../errors';
import { words } from '../../i18n/wording';
import { defineVaultItem } from '../../vault';
import type { BunkerSession } from './bunker';

// A Nostr secret has no server that issued it, so it is bound to the key instead: each vault
// entry names the account's public key, and is used only while the account record (which lives
// in less trusted storage) still names the same key. Background only.

/** A vault entry bound to one public key. */
interface KeyBound<T> {
  pubkey: string;
  secret: T;
}

/** The local key, only ever as NIP-49 `ncryptsec` (encrypted under the user's passphrase). */
export interface StoredLocalKey {
  ncryptsec: string;
}

const localKeys = defineVaultItem<KeyBound<StoredLocalKey>>('nostr-key');
const bunkerSessions = defineVaultItem<KeyBound<BunkerSession>>('nostr-bunker');

/**
 * Unlocked keys (hex) by account id, for this browser session only: storage.session is memory,
 * cleared when the browser closes, and kept from content scripts (its default access level).
 * A worker the browser stopped and started again can still sign without asking again.
 */
const unlockedKeys = storage.defineItem<Record<string, string>>('session:nostrUnlocked', {
  fallback: {},
});

/** What the background checks an entry against: the account record. */
export interface KeyHolder {
  id: string;
  remoteId: string;
  handle: string;
}

function bound<T>(entry: KeyBound<T> | undefined, account: KeyHolder): T | undefined {
  if (!entry) return undefined;
  if (entry.pubkey !== account.remoteId) {
    // The record was changed to name another key: nothing is signed for it.
    throw new CrosswindError('auth', words('nostrUi.keyMismatch', { account: account.handle }));
  }
  return entry.secret;
}

export const nostrVault = {
  saveLocalKey: (accountId: string, pubkey: string, key: StoredLocalKey) =>
    localKeys.set(accountId, { pubkey, secret: key }),
  async localKey(account: KeyHolder): Promise<StoredLocalKey | undefined> {
    return bound(await localKeys.get(account.id), account);
  },
  saveBunker: (accountId: string, session: BunkerSession) =>
    bunkerSessions.set(accountId, { pubkey: session.userPubkey, secret: session }),
  async bunker(account: KeyHolder): Promise<BunkerSession | undefined> {
    return bound(await bunkerSessions.get(account.id), account);
  },
  async forget(accountId: string): Promise<void> {
    await Promise.all([localKeys.remove(accountId), bunkerSessions.remove(accountId)]);
    await forgetUnlocked(accountId);
  },
};

/** The unlocked key of an account in this browser session, as hex. */
export async function unlockedKey(accountId: string): Promise<string | undefined> {
  return (await unlockedKeys.getValue())[accountId];
}

/** Keeps an unlocked key for the rest of the browser session. */
export async function rememberUnlocked(accountId: string, hex: string): Promise<void> {
  const all = await unlockedKeys.getValue();
  await unlockedKeys.setValue({ ...all, [accountId]: hex });
}

/** Locks an account's key again (or forgets it with the account). */
export async function forgetUnlocked(accountId: string): Promise<void> {
  const { [accountId]: _gone, ...rest } = await unlockedKeys.getValue();
  await unlockedKeys.setValue(rest);
}
