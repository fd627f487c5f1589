import { blueskyInfo } from './bluesky/info';
import type { AccountCapabilities, NetworkCapabilities, NetworkInfo } from './capabilities';
import { mastodonInfo } from './mastodon/info';
import { misskeyInfo } from './misskey/info';
import { nostrInfo } from './nostr/info';
import { peertubeInfo } from './peertube/info';
import { pixelfedInfo } from './pixelfed/info';
import { threadsInfo } from './threads/info';
import type { Account } from './types';

/** Every network, as pages may know it (no SDK, no token): one line each. */
const PAGE_NETWORKS = [
  mastodonInfo,
  blueskyInfo,
  pixelfedInfo,
  misskeyInfo,
  nostrInfo,
  peertubeInfo,
  threadsInfo,
] as const;

/** The networks Crosswind can post to; each is one folder under utils/networks/. */
export type NetworkId = (typeof PAGE_NETWORKS)[number]['id'];

/** Popup-safe facts per network; the SDK-backed adapters live in the background registry. */
export const NETWORK_INFO = Object.fromEntries(
  PAGE_NETWORKS.map((info) => [info.id, info]),
) as Record<NetworkId, NetworkInfo<NetworkId>>;

/** Every network id, in the order the options page offers them. */
export const NETWORK_IDS: NetworkId[] = PAGE_NETWORKS.map((info) => info.id);

/** Whether a string names a network Crosswind knows (for ids read back from storage). */
export function isNetworkId(value: string): value is NetworkId {
  return Object.hasOwn(NETWORK_INFO, value);
}

/** What this account's server can carry: its network's capabilities, narrowed by what it reported. */
export function capabilitiesOf(
  account: Pick<Account, 'network'> & {
    capabilities?: AccountCapabilities;
    ignoresScheduling?: boolean | undefined;
  },
): NetworkCapabilities {
  const capabilities = { ...NETWORK_INFO[account.network].capabilities, ...account.capabilities };
  // A server that once posted at once what it was asked to schedule cannot be trusted to schedule.
  return account.ignoresScheduling ? { ...capabilities, serverScheduling: null } : capabilities;
}

/** How an account is named to a person and a screen reader: "@alice@mastodon.social (Mastodon)". */
export function accountLabel(
  account: Pick<Account, 'handle' | 'server' | 'network' | 'software'>,
): string {
  return NETWORK_INFO[account.network].label(account);
}

export { hostOf } from './host';
