import { cleanText, safeHttpUrl } from './capture/sanitize';
import { serialUpdater } from './serial-update';
import { accountsStorage } from './storage';
import type { Account } from './networks/types';

const accounts = serialUpdater(accountsStorage);

/** Longer than any network allows a display name (Mastodon 30, Bluesky 64 graphemes). */
const MAX_NAME_GRAPHEMES = 100;

/**
 * What a server says about a person, made as safe to show as page text: names lose markup,
 * controls and bidi overrides (which can make one account read as another), links are http(s)
 * only. Every account passes here on its way into storage, however its server answered.
 */
function cleanProfile(account: Account): void {
  account.handle = cleanText(account.handle, { maxLength: MAX_NAME_GRAPHEMES }).text;
  account.displayName =
    cleanText(account.displayName, { maxLength: MAX_NAME_GRAPHEMES }).text || account.handle;
  for (const key of ['avatarUrl', 'webUrl'] as const) {
    const safe = safeHttpUrl(account[key]);
    if (safe) account[key] = safe;
    else delete account[key];
  }
}

/** Adds an account, or replaces the one with the same id (a reconnect keeps its place). */
export function upsertAccount(account: Account): Promise<void> {
  const clean = structuredClone(account);
  cleanProfile(clean);
  return accounts.update((list) => {
    const index = list.findIndex((item) => item.id === account.id);
    if (index >= 0) list[index] = clean;
    else list.push(clean);
  });
}

/** Changes one account in place; unknown ids are ignored (it may have been removed meanwhile). */
export function patchAccount(accountId: string, change: (account: Account) => void): Promise<void> {
  return accounts.update((list) => {
    const account = list.find((item) => item.id === accountId);
    if (!account) return;
    change(account);
    cleanProfile(account);
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
