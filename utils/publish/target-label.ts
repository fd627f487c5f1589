import { accountLabel, NETWORK_INFO } from '../networks/info';
import type { Account, NetworkId } from '../networks/types';

/** How a target's account is named, even after it was removed from Crosswind and only its id is left. */
export function targetLabel(accountId: string, accounts: Account[]): string {
  const account = accounts.find((item) => item.id === accountId);
  if (account) return accountLabel(account);
  // Account ids are "mastodon:<host>:<id>" and "bluesky:<did>": enough to say what it was.
  const [network, host] = accountId.split(':');
  if (network !== 'mastodon' && network !== 'bluesky') return accountId;
  const name = NETWORK_INFO[network satisfies NetworkId].name;
  return network === 'mastodon' && host
    ? `${name} account on ${host} (removed)`
    : `${name} account (removed)`;
}

/** The network a target posted to, known from the account id even once the account is gone. */
export function targetNetwork(accountId: string, accounts: Account[]): NetworkId | undefined {
  const account = accounts.find((item) => item.id === accountId);
  if (account) return account.network;
  const network = accountId.split(':')[0];
  return network === 'mastodon' || network === 'bluesky' ? network : undefined;
}
