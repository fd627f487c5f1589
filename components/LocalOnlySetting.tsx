import type { Draft } from '@/utils/compose/draft';
import { useComposer } from '@/utils/composer-store';
import { t } from '@/utils/i18n/messages';
import { capabilitiesOf } from '@/utils/networks/info';
import type { Account } from '@/utils/networks/types';

/** "Only on this server", offered while a picked account's network can keep a post unfederated. */
export function LocalOnlySetting(props: { draft: Draft; accounts: Account[]; disabled: boolean }) {
  const setLocalOnly = useComposer((state) => state.setLocalOnly);
  if (!props.accounts.some((account) => capabilitiesOf(account).localOnly)) return null;
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.draft.localOnly === true}
        disabled={props.disabled}
        onChange={(event) => setLocalOnly(event.currentTarget.checked)}
      />
      {t('settings.localOnly')}
    </label>
  );
}
