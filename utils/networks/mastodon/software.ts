import { hostOf } from '../host';
import type { Account } from '../types';

/** How each server software spells its own name; nodeinfo gives it in lower case. */
const SOFTWARE_NAMES: Record<string, string> = {
  mastodon: 'Mastodon',
  pixelfed: 'Pixelfed',
  gotosocial: 'GoToSocial',
  akkoma: 'Akkoma',
  pleroma: 'Pleroma',
  hollo: 'Hollo',
  friendica: 'Friendica',
  glitchsoc: 'Mastodon (glitch-soc)',
  hometown: 'Hometown',
  iceshrimp: 'Iceshrimp',
  sharkey: 'Sharkey',
  firefish: 'Firefish',
  misskey: 'Misskey',
  peertube: 'PeerTube',
  snac: 'snac',
  takahe: 'Takahē',
};

/** The software's name as people know it: "gotosocial" → "GoToSocial". */
export function softwareDisplayName(name: string): string {
  const known = SOFTWARE_NAMES[name.toLowerCase()];
  if (known) return known;
  return name ? name[0]!.toUpperCase() + name.slice(1) : name;
}

/**
 * "@me@pixelfed.social (Pixelfed)": every Mastodon-API account is named with its server and the
 * software that server runs, so a person sees which rules apply.
 */
export function serverAccountLabel(
  account: Pick<Account, 'handle' | 'server' | 'software'>,
  fallbackName: string,
): string {
  const software = account.software ? softwareDisplayName(account.software.name) : fallbackName;
  return `@${account.handle}@${hostOf(account.server)} (${software})`;
}
