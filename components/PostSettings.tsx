import { useMemo } from 'react';
import type { Draft } from '@/utils/compose/draft';
import { languageOptions } from '@/utils/compose/languages';
import { VISIBILITY_NAMES } from '@/utils/compose/visibility-names';
import { useComposer } from '@/utils/composer-store';
import { capabilitiesOf, NETWORK_INFO } from '@/utils/networks/info';
import type { Account, Visibility } from '@/utils/networks/types';
import { t } from '@/utils/i18n/messages';
import { LocalOnlySetting } from './LocalOnlySetting';

export { VISIBILITY_NAMES };

/** Who sees the post, where the picked accounts' networks let one choose, and which language it is in. */
export function PostSettings(props: { draft: Draft; accounts: Account[]; disabled: boolean }) {
  const setVisibility = useComposer((state) => state.setVisibility);
  const setLanguage = useComposer((state) => state.setLanguage);
  // Named and sorted once per chosen language, not on every keystroke.
  const languages = useMemo(() => languageOptions(props.draft.language), [props.draft.language]);
  const choosing = props.accounts.filter((a) => capabilitiesOf(a).visibilities.length > 0);
  const offered = new Set(choosing.flatMap((a) => capabilitiesOf(a).visibilities));
  const networks = [...new Set(choosing.map((a) => NETWORK_INFO[a.network].name))];
  // "Mastodon visibility" while one network is concerned; just "Visibility" across several.
  const heading =
    networks.length === 1
      ? t('settings.networkVisibility', { network: networks[0]! })
      : t('settings.visibility');
  const defaults = [...new Set(choosing.map((a) => a.defaultVisibility ?? 'public'))];
  const accountDefault =
    defaults.length === 1 && defaults[0]
      ? t('settings.accountDefault', { visibility: VISIBILITY_NAMES[defaults[0]] })
      : t('settings.eachDefault');

  return (
    <div className="settings">
      {choosing.length > 0 ? (
        <label className="field">
          <span>{heading}</span>
          <select
            value={props.draft.visibility ?? ''}
            disabled={props.disabled}
            onChange={(event) =>
              setVisibility((event.currentTarget.value || undefined) as Visibility | undefined)
            }
          >
            <option value="">{accountDefault}</option>
            {(Object.keys(VISIBILITY_NAMES) as Visibility[])
              .filter((value) => offered.has(value))
              .map((value) => (
                <option key={value} value={value}>
                  {VISIBILITY_NAMES[value]}
                </option>
              ))}
          </select>
        </label>
      ) : null}
      <label className="field">
        <span>{t('settings.language')}</span>
        <select
          value={props.draft.language}
          disabled={props.disabled}
          onChange={(event) => setLanguage(event.currentTarget.value)}
        >
          {languages.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <LocalOnlySetting {...props} />
    </div>
  );
}
