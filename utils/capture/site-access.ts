import { browser } from 'wxt/browser';

/** The match pattern that covers one site, as optional host permissions are asked for. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

/** Whether Crosswind may read `url` from the background (granted by the user, or in the manifest). */
export function canReadSite(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(url)] });
}
