import { useStoredValue } from '@/utils/use-stored-value';
import { peertubeSettingsStorage } from './settings';

/** The display name of the channel an account's videos go to; undefined until its settings are read. */
export function useVideoChannel(accountId: string): string | undefined {
  const settings = useStoredValue(peertubeSettingsStorage)?.[accountId];
  return settings?.channels.find((channel) => channel.id === settings.channelId)?.displayName;
}
