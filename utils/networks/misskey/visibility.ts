import type { Visibility } from '../types';

/** Misskey's note visibilities. */
export type MisskeyVisibility = 'public' | 'home' | 'followers' | 'specified';

/**
 * The composer's (Mastodon-named) visibility in Misskey's words: unlisted is `home` (not on the
 * public timelines), private is `followers`, direct is `specified` (the server adds every
 * mentioned user to `visibleUserIds`).
 */
export function toMisskeyVisibility(visibility: Visibility | undefined): MisskeyVisibility {
  switch (visibility) {
    case 'unlisted':
      return 'home';
    case 'private':
      return 'followers';
    case 'direct':
      return 'specified';
    default:
      return 'public';
  }
}

/** The composer's visibility for a Misskey one (the account's default, read from the server). */
export function fromMisskeyVisibility(visibility: string | undefined): Visibility {
  switch (visibility) {
    case 'home':
      return 'unlisted';
    case 'followers':
      return 'private';
    case 'specified':
      return 'direct';
    default:
      return 'public';
  }
}
