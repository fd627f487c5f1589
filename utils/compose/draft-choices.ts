import type { Account, SelfLabel } from '../networks/types';
import { accountVariant, networkVariant, type Draft } from './draft';
import type { TargetPlan } from './plan';
import { suggestLabel } from './warning-label';

/** The text an account gets and where it comes from: its own version, its network's, or the main. */
export function sourceFor(
  draft: Draft,
  account: Account,
): { source: TargetPlan['source']; text: string } {
  for (const key of [accountVariant(account.id), networkVariant(account.network)]) {
    const text = draft.variants[key];
    if (text !== undefined) return { source: key, text };
  }
  return { source: 'main', text: draft.text };
}

/** The self-label in force on networks that label rather than warn: the user's choice, or the suggested one. */
export function selfLabelOf(draft: Draft): SelfLabel | 'none' {
  if (!draft.contentWarning.trim()) return 'none';
  return draft.blueskyLabel ?? suggestLabel(draft.contentWarning);
}

/** Whether the warning also goes at the top of a self-labelled text: by default only when no label carries it. */
export function warningInLabelledText(draft: Draft): boolean {
  if (!draft.contentWarning.trim()) return false;
  return draft.warningInBlueskyText ?? selfLabelOf(draft) === 'none';
}

/** The picked accounts still connected to Crosswind, in the order they were picked. */
export function pickedAccounts(draft: Pick<Draft, 'targetIds'>, accounts: Account[]): Account[] {
  return draft.targetIds.flatMap((id) => {
    const account = accounts.find((item) => item.id === id);
    return account ? [account] : [];
  });
}
