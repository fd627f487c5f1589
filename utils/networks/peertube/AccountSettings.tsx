import { t } from '@/utils/i18n/messages';
import { useStoredValue } from '@/utils/use-stored-value';
import type { Account } from '../types';
import { accountLabel } from '../info';
import { peertubeSettingsStorage, saveSettings } from './settings';

/**
 * Where one PeerTube account's videos go: its channel and category. Chosen per account, as they
 * rarely change between videos; privacy comes from the composer's visibility, language from its
 * language, tags from the post's hashtags.
 */
export function PeerTubeAccountSettings({ account }: { account: Account }) {
  const all = useStoredValue(peertubeSettingsStorage);
  const settings = all?.[account.id];
  if (!settings) return null;
  const prefix = `peertube-${account.id.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <fieldset>
      <legend>{t('peertube.settingsFor', { account: accountLabel(account) })}</legend>
      <label htmlFor={`${prefix}-channel`}>{t('peertube.channel')}</label>
      <select
        id={`${prefix}-channel`}
        value={settings.channelId}
        onChange={(event) =>
          void saveSettings(account.id, {
            ...settings,
            channelId: Number(event.currentTarget.value),
          })
        }
      >
        {settings.channels.map((channel) => (
          <option key={channel.id} value={channel.id}>
            {channel.displayName}
          </option>
        ))}
      </select>
      <label htmlFor={`${prefix}-category`}>{t('peertube.category')}</label>
      <select
        id={`${prefix}-category`}
        value={settings.category ?? ''}
        onChange={(event) => {
          const { category: _old, ...rest } = settings;
          const value = event.currentTarget.value;
          void saveSettings(account.id, value ? { ...rest, category: Number(value) } : rest);
        }}
      >
        <option value="">{t('peertube.noCategory')}</option>
        {Object.entries(settings.categories).map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </select>
    </fieldset>
  );
}
