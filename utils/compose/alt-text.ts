import { NETWORK_INFO } from '../networks/info';
import type { Account } from '../networks/types';
import type { DraftImage } from './draft';

/** Mastodon's default, and the smaller of the two networks' limits. */
export const DEFAULT_ALT_TEXT_LIMIT = 1500;

/** The longest alt text every picked account accepts. */
export function altTextLimit(accounts: Account[]): number {
  const limits = accounts.map(
    (account) =>
      account.limits.altTextLimit ??
      NETWORK_INFO[account.network].defaultLimits.altTextLimit ??
      DEFAULT_ALT_TEXT_LIMIT,
  );
  return limits.length > 0 ? Math.min(...limits) : DEFAULT_ALT_TEXT_LIMIT;
}

/**
 * Length as Mastodon counts a description (code points, of the trimmed text that is sent);
 * never less than Bluesky's grapheme count, so a text within this limit is within both.
 */
export function altLength(alt: string): number {
  return [...alt.trim()].length;
}

/** Images nobody has described yet, in the order they are posted. */
export function imagesWithoutAlt(images: DraftImage[]): DraftImage[] {
  return images.filter((image) => !image.alt.trim());
}
