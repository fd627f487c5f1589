import type { Account, AccountLimits, NetworkId } from './types';

/** What pages may know about a network without loading its SDK. */
export interface NetworkInfo {
  id: NetworkId;
  name: string;
  defaultLimits: AccountLimits;
  /** Set when the server itself can post a single post later; how far ahead it must be asked. */
  serverScheduling?: { minLeadMs: number };
}

/** Popup-safe facts per network; the SDK-backed adapters live in the background registry. */
export const NETWORK_INFO: Record<NetworkId, NetworkInfo> = {
  mastodon: {
    id: 'mastodon',
    name: 'Mastodon',
    defaultLimits: {
      maxCharacters: 500,
      charactersReservedPerUrl: 23,
      maxMediaAttachments: 4,
      altTextLimit: 1500,
    },
    // `scheduled_at` must be at least 5 minutes ahead; the server then posts with the browser closed.
    serverScheduling: { minLeadMs: 5 * 60_000 },
  },
  bluesky: {
    id: 'bluesky',
    name: 'Bluesky',
    defaultLimits: { maxCharacters: 300, maxMediaAttachments: 4, altTextLimit: 2000 },
  },
};

/** How an account is named to a person and a screen reader: "@alice on mastodon.social (Mastodon)". */
export function accountLabel(account: Pick<Account, 'handle' | 'server' | 'network'>): string {
  const host = hostOf(account.server);
  const network = NETWORK_INFO[account.network].name;
  return account.network === 'mastodon'
    ? `@${account.handle}@${host} (${network})`
    : `@${account.handle} (${network})`;
}

/** The host of a server URL, kept readable even for odd inputs. */
export function hostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}
