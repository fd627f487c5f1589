import { serialUpdater } from './serial-update';
import { accountsStorage } from './storage';
import type { Account } from './networks/types';

const accounts = serialUpdater(accountsStorage);

/** Adds an account, or replaces the one with the same id (a reconnect keeps its place). */
export function upsertAccount(account: Account): Promise<void> {
  return accounts.update((list) => {
    const index = list.findIndex((item) => item.id === account.id);
    if (index >= 0) list[index] = account;
    else list.push(account);
  });
}

/** Changes one account in place; unknown ids are ignored (it may have been removed meanwhile). */
export function patchAccount(accountId: string, change: (account: Account) => void): Promise<void> {
  return accounts.update((list) => {
    const account = list.find((item) => item.id === accountId);
    if (account) change(account);
  });
}

/** Drops an account from the list. */
export function deleteAccount(accountId: string): Promise<void> {
  return accounts.update((list) => {
    const index = list.findIndex((item) => item.id === accountId);
    if (index >= 0) list.splice(index, 1);
  });
}

/** Reads one account. */
export async function findAccount(accountId: string): Promise<Account | undefined> {
  return (await accounts.read()).find((account) => account.id === accountId);
}

/** Every connected account. */
export function listAccounts(): Promise<Account[]> {
  return accounts.read();
}
