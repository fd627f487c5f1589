import { words } from '@/utils/i18n/wording';
import { assertSecureTransport } from './auth/server-url';
import { CrosswindError } from './errors';
import { defineObjectStore } from './idb';

/**
 * Secrets (tokens, client secrets, Bluesky sessions) live in the extension origin's IndexedDB:
 * unlike storage.local, content scripts cannot read it, and only the background opens it.
 */
const run = defineObjectStore('crosswind-vault', 'secrets');

/** A typed slot in the vault, one per kind of secret. */
export interface VaultItem<T> {
  get(id: string): Promise<T | undefined>;
  set(id: string, value: T): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Defines a family of secrets under one prefix, e.g. `mastodon-token:<account id>`. */
export function defineVaultItem<T>(prefix: string): VaultItem<T> {
  const key = (id: string) => `${prefix}:${id}`;
  return {
    get: (id) => run<T | undefined>('readonly', (store) => store.get(key(id))),
    set: async (id, value) => {
      await run('readwrite', (store) => store.put(value, key(id)));
    },
    remove: async (id) => {
      await run('readwrite', (store) => store.delete(key(id)));
    },
  };
}

/** A secret together with the origin of the server that issued it, the only place it is sent. */
export interface BoundCredential<T> {
  origin: string;
  secret: T;
}

/** What a credential is checked against: the account record, which lives in writable storage. */
export interface CredentialHolder {
  id: string;
  server: string;
  handle: string;
}

/** A vault slot whose secrets are bound to the server that issued them. */
export interface CredentialSlot<T> {
  /** Keeps a secret for an account, bound to `origin`, which must be https (or this computer). */
  save(accountId: string, origin: string, secret: T): Promise<void>;
  /**
   * The credential to use for an account: undefined when there is none, and an 'auth' error when
   * the account record no longer names the server that issued it (the record lives in storage
   * that is less trusted than the vault), so the account needs reconnecting and nothing is sent.
   */
  forAccount(account: CredentialHolder): Promise<BoundCredential<T> | undefined>;
  /** The stored credential whatever the account record says, e.g. to revoke it where it came from. */
  peek(accountId: string): Promise<BoundCredential<T> | undefined>;
  remove(accountId: string): Promise<void>;
}

function isBound<T>(value: unknown): value is BoundCredential<T> {
  if (typeof value !== 'object' || value === null) return false;
  const { origin, secret } = value as Partial<BoundCredential<T>>;
  return typeof origin === 'string' && secret !== undefined;
}

function originOf(address: string): string | undefined {
  try {
    return new URL(address).origin;
  } catch {
    return undefined;
  }
}

/** The host of a stored address for a message; the record may hold anything. */
function hostIn(address: string): string {
  const origin = originOf(address);
  return origin ? new URL(origin).host : 'another address';
}

/** Defines a family of server-bound secrets under one prefix, e.g. `mastodon-token:<account id>`. */
export function defineCredential<T>(prefix: string): CredentialSlot<T> {
  const item = defineVaultItem<unknown>(prefix);
  const peek = async (accountId: string): Promise<BoundCredential<T> | undefined> => {
    const stored = await item.get(accountId);
    // A secret saved before credentials were bound has no origin to check: treated as none.
    return isBound<T>(stored) ? stored : undefined;
  };
  return {
    async save(accountId, origin, secret) {
      const url = assertSecureTransport(origin);
      await item.set(accountId, { origin: url.origin, secret } satisfies BoundCredential<T>);
    },
    async forAccount(account) {
      const credential = await peek(account.id);
      if (!credential) return undefined;
      if (originOf(account.server) !== credential.origin) {
        throw new CrosswindError(
          'auth',
          words('vault.movedRecord', {
            handle: account.handle,
            issuer: new URL(credential.origin).host,
            named: hostIn(account.server),
          }),
        );
      }
      return credential;
    },
    peek,
    remove: (accountId) => item.remove(accountId),
  };
}
