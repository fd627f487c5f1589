import { browser } from 'wxt/browser';
import { listAccounts, patchAccount } from '../accounts';
import { CrosswindError } from '../errors';
import { ADAPTERS } from './index';

// Logins that expire unless renewed (Threads: 60 days) are renewed by the background: whenever
// the worker starts, and on an alarm at the earliest time one is due, so a person who never opens
// the options page keeps posting. An account is marked "Needs reconnecting" only when renewing
// fails for good (an 'auth' error); offline or a server in trouble tries again in an hour.

export const CREDENTIAL_ALARM = 'credential-upkeep';
const RETRY_MS = 3_600_000;

/** Renews every login that is due, and sets the alarm for the next one. */
export async function renewDueCredentials(now = Date.now()): Promise<void> {
  let next = Number.POSITIVE_INFINITY;
  for (const account of await listAccounts()) {
    const renew = ADAPTERS[account.network].renewCredentials;
    if (!renew || account.state !== 'connected') continue;
    try {
      const { expiresAt, nextCheckAt } = await renew(account, now);
      next = Math.min(next, nextCheckAt);
      if (account.credentialExpiresAt !== expiresAt) {
        await patchAccount(account.id, (item) => {
          item.credentialExpiresAt = expiresAt;
        });
      }
    } catch (error) {
      if (error instanceof CrosswindError && error.kind === 'auth') {
        await patchAccount(account.id, (item) => {
          item.state = 'reconnect';
        });
      } else {
        next = Math.min(next, now + RETRY_MS);
      }
    }
  }
  if (Number.isFinite(next))
    await browser.alarms.create(CREDENTIAL_ALARM, { when: Math.max(next, now + 60_000) });
  else await browser.alarms.clear(CREDENTIAL_ALARM);
}

/** Renews now and on the alarm from then on. Call from the background's main(), as MV3 needs. */
export function startCredentialUpkeep(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CREDENTIAL_ALARM) void renewDueCredentials();
  });
  void renewDueCredentials().catch((error: unknown) =>
    console.warn('Crosswind could not renew logins', error),
  );
}
