import { normalizeServerUrl } from '@/utils/auth/server-url';

/** A Misskey server as typed by a person, and the account they named, if they named one. */
export interface MisskeyAddress {
  /** e.g. https://misskey.io */
  origin: string;
  host: string;
  /** `me` when they typed `@me@host` or `me@host`. */
  username?: string;
}

/** Reads `misskey.io`, `https://misskey.io/`, `@me@misskey.io` or `me@misskey.io`. */
export function parseMisskeyAddress(input: string): MisskeyAddress {
  const origin = normalizeServerUrl(input, 'Misskey server');
  const handle = /^@?([^@\s/]+)@[^@\s/]+$/.exec(input.trim());
  const address: MisskeyAddress = { origin, host: new URL(origin).host };
  if (handle?.[1]) address.username = handle[1];
  return address;
}
