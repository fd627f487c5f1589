import { accountLabel, capabilitiesOf, NETWORK_INFO } from '../networks/info';
import type { Account } from '../networks/types';
import { atMomentText } from '../time-text';
import { formatList, formatNumber } from '../i18n/format';
import { t } from '../i18n/messages';
import { scheduleModeFor, type LocalReason } from './schedule';

const MINUTE_MS = 60_000;

function localText(why: LocalReason, when: string, account: Account): string {
  const crosswind = t('scheduleNote.crosswindPosts', { when });
  if (why === 'thread') return t('scheduleNote.thread', { crosswind });
  if (why === 'server-cannot') return t('scheduleNote.serverCannot', { crosswind });
  if (why === 'too-soon') {
    const lead = capabilitiesOf(account).serverScheduling?.minLeadMs ?? 0;
    return t('scheduleNote.tooSoon', { minutes: formatNumber(lead / MINUTE_MS), crosswind });
  }
  return crosswind;
}

/**
 * What the composer says about a scheduled post, one sentence per kind of account: who posts
 * it, when, and whether the browser has to be running then. Accounts that get the same sentence
 * share it, named by their network when they are all of that network's picked accounts.
 */
export function scheduleNotes(
  plans: Array<{ account: Account; parts: unknown[] }>,
  at: number,
  now: number,
): string[] {
  const when = atMomentText(at, now);
  const groups = new Map<string, { text: string; accounts: Account[] }>();
  for (const { account, parts } of plans) {
    const mode = scheduleModeFor(
      {
        network: account.network,
        parts: parts.length,
        capabilities: account.capabilities,
        ignoresScheduling: account.ignoresScheduling,
      },
      at,
      now,
    );
    const text =
      mode.by === 'server'
        ? t('scheduleNote.serverPosts', { when })
        : localText(mode.why, when, account);
    const key = `${account.network} ${text}`;
    const group = groups.get(key) ?? { text, accounts: [] };
    group.accounts.push(account);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ text, accounts }) => {
    const network = accounts[0]!.network;
    const whole = plans.every(
      (plan) => plan.account.network !== network || accounts.includes(plan.account),
    );
    const who = whole ? NETWORK_INFO[network].name : formatList(accounts.map(accountLabel));
    return t('scheduleNote.forWho', { who, text });
  });
}
