import { accountLabel, isNetworkId, NETWORK_INFO } from '../networks/info';
import type { Account, NetworkId } from '../networks/types';

/** How a target's account is named, even after it was removed from Crosswind and only its id is left. */
export function targetLabel(accountId: string, accounts: Account[]): string {
  const account = accounts.find((item) => item.id === accountId);
  if (account) return accountLabel(account);
  // Account ids start with the network ("<network>:<host>:<id>" where the network names servers).
  const [network, host] = accountId.split(':');
  if (!network || !isNetworkId(network)) return accountId;
  const info = NETWORK_INFO[network];
  return info.accountIdNamesServer && host
    ? `${info.name} account on ${host} (removed)`
    : `${info.name} account (removed)`;
}

/** The network a target posted to, known from the account id even once the account is gone. */
export function targetNetwork(accountId: string, accounts: Account[]): NetworkId | undefined {
  const account = accounts.find((item) => item.id === accountId);
  if (account) return account.network;
  const network = accountId.split(':')[0];
  return network && isNetworkId(network) ? network : undefined;
}
