import { translatedNames } from '../i18n/names';
import type { Visibility } from '../networks/types';

/** Mastodon's words for its visibilities, as its own composer shows them. */
export const VISIBILITY_NAMES = translatedNames<Visibility>({
  public: 'visibility.public',
  unlisted: 'visibility.unlisted',
  private: 'visibility.private',
  direct: 'visibility.direct',
});
