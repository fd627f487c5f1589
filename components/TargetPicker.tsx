import { accountLabel } from '@/utils/networks/info';
import type { Account } from '@/utils/networks/types';
import { AccountAvatar } from './AccountAvatar';
import { t } from '@/utils/i18n/messages';

/** Chips to pick which accounts get the post. */
export function TargetPicker(props: {
  accounts: Account[];
  selected: string[];
  onToggle(accountId: string, on: boolean): void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="targets" disabled={props.disabled}>
      <legend>{t('targets.legend')}</legend>
      {props.accounts.map((account) => (
        <label key={account.id} className={`chip chip-${account.network}`}>
          <input
            type="checkbox"
            checked={props.selected.includes(account.id)}
            onChange={(event) => props.onToggle(account.id, event.currentTarget.checked)}
          />
          <AccountAvatar account={account} size={18} />
          <span>{accountLabel(account)}</span>
          {account.state === 'reconnect' ? (
            <span className="badge warn">{t('targets.reconnect')}</span>
          ) : null}
        </label>
      ))}
    </fieldset>
  );
}
