import type { Account, NetworkId } from '@/utils/networks/types';

/** A connected account for unit tests; any field can be overridden. */
export function testAccount(id: string, network: NetworkId, extra: Partial<Account> = {}): Account {
  return {
    id,
    network,
    server: 'https://server.example',
    remoteId: id,
    handle: id,
    displayName: id,
    limits: { maxCharacters: 500, maxMediaAttachments: 4 },
    state: 'connected',
    connectedAt: 0,
    limitsCheckedAt: 0,
    ...extra,
  };
}
