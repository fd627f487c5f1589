// What each server software does differently behind the same Mastodon API, as its own docs and
// source say (docs/networks.md lists them). The route handlers ask these rules; stock Mastodon is
// the default.

/** Which server software the test server behaves like. */
export type Flavor = 'mastodon' | 'pixelfed' | 'gotosocial';

/** Every flavor, for the command line. */
export const FLAVORS: readonly Flavor[] = ['mastodon', 'pixelfed', 'gotosocial'];

/** One flavor's differences. */
export interface FlavorRules {
  /** nodeinfo's `software`. */
  software: { name: string; version: string };
  /** What /api/v1 and /api/v2/instance give as `version` and `source_url`. */
  instance: { version: string; sourceUrl: string };
  /** Scopes the OAuth server knows; anything else is `invalid_scope`. */
  scopes: readonly string[] | 'mastodon';
  visibilities: readonly string[];
  /** A status without `in_reply_to_id` needs `media_ids` (Pixelfed: 403). */
  topLevelNeedsMedia: boolean;
  /**
   * A repeated Idempotency-Key: Mastodon answers the first status, Pixelfed a 400, GoToSocial
   * does not look at the header at all and posts again.
   */
  repeatedKey: 'first-status' | 'duplicate-error' | 'ignored';
  /** false: `scheduled_at` is not implemented and the status is posted at once. */
  scheduling: boolean;
  /** Access tokens expire after this many seconds and come with a refresh token (Passport). */
  tokenLifetimeSeconds: number | null;
  /**
   * How the length is checked: Mastodon's validator; code points of text plus warning (GoToSocial,
   * 400); code points of the caption alone with a 140-character warning (Pixelfed, 422).
   */
  length: 'mastodon' | 'text-and-warning-code-points' | 'caption-code-points';
  /** The warning is dropped unless `sensitive` is true (Pixelfed). */
  warningNeedsSensitive: boolean;
  maxCharacters: number;
  maxMediaAttachments: number;
  /** Longest image description. */
  altTextLimit: number;
}

const MASTODON: FlavorRules = {
  software: { name: 'mastodon', version: '4.4.0' },
  instance: { version: '4.4.0', sourceUrl: 'https://github.com/mastodon/mastodon' },
  scopes: 'mastodon',
  visibilities: ['public', 'unlisted', 'private', 'direct'],
  topLevelNeedsMedia: false,
  repeatedKey: 'first-status',
  scheduling: true,
  tokenLifetimeSeconds: null,
  length: 'mastodon',
  warningNeedsSensitive: false,
  maxCharacters: 500,
  maxMediaAttachments: 4,
  altTextLimit: 1500,
};

const RULES: Record<Flavor, FlavorRules> = {
  mastodon: MASTODON,
  pixelfed: {
    software: { name: 'pixelfed', version: '0.12.5' },
    // Pixelfed's InstanceService: the Mastodon API level it speaks, then its own name.
    instance: {
      version: '3.5.3 (compatible; Pixelfed 0.12.5)',
      sourceUrl: 'https://github.com/pixelfed/pixelfed',
    },
    scopes: ['read', 'write', 'follow', 'push'],
    visibilities: ['public', 'unlisted', 'private'],
    topLevelNeedsMedia: true,
    repeatedKey: 'duplicate-error',
    scheduling: false,
    // Passport's default is a year; the control API expires tokens at will.
    tokenLifetimeSeconds: 365 * 24 * 3600,
    length: 'caption-code-points',
    warningNeedsSensitive: true,
    maxCharacters: 500,
    maxMediaAttachments: 4,
    altTextLimit: 1000,
  },
  gotosocial: {
    software: { name: 'gotosocial', version: '0.19.1' },
    instance: {
      version: '0.19.1+git-0d7fe1e',
      sourceUrl: 'https://github.com/superseriousbusiness/gotosocial',
    },
    scopes: 'mastodon',
    visibilities: ['public', 'unlisted', 'private', 'mutuals_only', 'direct'],
    topLevelNeedsMedia: false,
    repeatedKey: 'ignored',
    scheduling: false,
    tokenLifetimeSeconds: null,
    length: 'text-and-warning-code-points',
    warningNeedsSensitive: false,
    maxCharacters: 5000,
    maxMediaAttachments: 6,
    altTextLimit: 1500,
  },
};

/** The rules of a flavor. */
export function rulesOf(flavor: Flavor): FlavorRules {
  return RULES[flavor];
}

/** Pixelfed's warning limit (`spoiler_text` max:140). */
export const PIXELFED_MAX_WARNING = 140;
