import { storage } from 'wxt/utils/storage';

/** A channel the account can post to. */
export interface PeerTubeChannel {
  id: number;
  name: string;
  displayName: string;
}

/**
 * Where an account's videos go and how they are filed: chosen once per account (as on PeerTube's
 * own upload page, these rarely change from one video to the next). Not secret: pages show them.
 */
export interface PeerTubeSettings {
  channels: PeerTubeChannel[];
  channelId: number;
  /** A category id from `/api/v1/videos/categories`; unset leaves the video without one. */
  category?: number;
  /** The instance's categories, to pick from. */
  categories: Record<string, string>;
}

/** Per-account PeerTube settings, by account id. */
export const peertubeSettingsStorage = storage.defineItem<Record<string, PeerTubeSettings>>(
  'local:peertubeSettings',
  { fallback: {} },
);

/** The settings of one account, if it has any. */
export async function settingsOf(accountId: string): Promise<PeerTubeSettings | undefined> {
  return (await peertubeSettingsStorage.getValue())[accountId];
}

/** Changes one account's settings. */
export async function saveSettings(accountId: string, settings: PeerTubeSettings): Promise<void> {
  const all = await peertubeSettingsStorage.getValue();
  await peertubeSettingsStorage.setValue({ ...all, [accountId]: settings });
}

/** Forgets an account's settings. */
export async function forgetSettings(accountId: string): Promise<void> {
  const { [accountId]: _gone, ...rest } = await peertubeSettingsStorage.getValue();
  await peertubeSettingsStorage.setValue(rest);
}
