import { hostOf, NETWORK_INFO } from './info';
import type { Account, AccountLimits } from './types';

/** A numeric limit a server reports, with the range Crosswind can count and post within. */
interface Bound {
  /** How the server names it, so the note points at the setting to fix. */
  field: string;
  min: number;
  max: number;
}

/**
 * Sane ranges, wide enough for every real server seen (Mastodon 500, forks up to a few tens of
 * thousands of characters, Pixelfed 20 images) and narrow enough that no count, loop or
 * `String.repeat` can be made to fail or take forever by a number a server made up.
 */
export const LIMIT_BOUNDS = {
  maxCharacters: { field: 'max_characters', min: 1, max: 1_000_000 },
  charactersReservedPerUrl: { field: 'characters_reserved_per_url', min: 0, max: 1_000 },
  maxMediaAttachments: { field: 'max_media_attachments', min: 0, max: 100 },
  altTextLimit: { field: 'description_limit', min: 1, max: 100_000 },
  imageSizeLimit: { field: 'image_size_limit', min: 10_000, max: 10 * 1024 ** 3 },
  imageMatrixLimit: { field: 'image_matrix_limit', min: 10_000, max: 1_000_000_000 },
  videoSizeLimit: { field: 'video_size_limit', min: 10_000, max: 100 * 1024 ** 3 },
  videoFrameRateLimit: { field: 'video_frame_rate_limit', min: 1, max: 1_000 },
  videoMatrixLimit: { field: 'video_matrix_limit', min: 10_000, max: 1_000_000_000 },
  videoDurationLimit: { field: 'video_duration_limit', min: 1, max: 7 * 24 * 3600 },
  videoQuotaLeft: { field: 'video_quota', min: 0, max: 1024 ** 5 },
} satisfies Record<string, Bound>;

const MIME_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i;
const MAX_MIME_TYPES = 200;

/** What the server reported, before anything is trusted. */
export type ReportedLimits = { [K in keyof Omit<AccountLimits, 'note'>]?: unknown };

/** Limits fit to count and post with, and what was set aside on the way. */
export interface CheckedLimits {
  limits: AccountLimits;
  /** The server's fields that were not usable, with what they said; empty when all were. */
  rejected: string[];
}

/** An integer within its bound, or undefined. */
function inBound(value: unknown, bound: Bound): number | undefined {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= bound.min &&
    value <= bound.max
    ? value
    : undefined;
}

function describe(value: unknown): string {
  // Shown to the user: a server's own words only when they are plain and short.
  if (typeof value === 'string') return /^[\w .,+-]{0,20}$/.test(value) ? `"${value}"` : 'text';
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  return typeof value;
}

/**
 * Checks every limit a server reported (type, whole number, sane range); what does not pass is
 * replaced by the network's default and named in `rejected`, so the user can be told.
 */
export function checkLimits(reported: ReportedLimits, defaults: AccountLimits): CheckedLimits {
  const rejected: string[] = [];
  const pick = (key: keyof typeof LIMIT_BOUNDS): number | undefined => {
    const value = reported[key];
    if (value === undefined) return defaults[key];
    const checked = inBound(value, LIMIT_BOUNDS[key]);
    if (checked === undefined) {
      rejected.push(`${LIMIT_BOUNDS[key].field} ${describe(value)}`);
      return defaults[key];
    }
    return checked;
  };
  const limits: AccountLimits = {
    maxCharacters: pick('maxCharacters') ?? defaults.maxCharacters,
    maxMediaAttachments: pick('maxMediaAttachments') ?? defaults.maxMediaAttachments,
  };
  const optional = [
    'charactersReservedPerUrl',
    'altTextLimit',
    'imageSizeLimit',
    'imageMatrixLimit',
    'videoSizeLimit',
    'videoFrameRateLimit',
    'videoMatrixLimit',
    'videoDurationLimit',
    'videoQuotaLeft',
  ] as const;
  for (const key of optional) {
    const value = pick(key);
    if (value !== undefined) limits[key] = value;
  }
  // A flag Crosswind sets itself from the server's software, never a number to range-check.
  if (reported.countsCodePoints === true) limits.countsCodePoints = true;
  const types = reported.supportedMimeTypes;
  if (types !== undefined) {
    const valid =
      Array.isArray(types) &&
      types.length <= MAX_MIME_TYPES &&
      types.every((type) => typeof type === 'string' && MIME_TYPE.test(type));
    if (valid) limits.supportedMimeTypes = types as string[];
    else rejected.push('supported_mime_types');
  }
  return { limits, rejected };
}

/** The words shown with an account whose server reported limits Crosswind could not use. */
export function limitsNote(host: string, network: string, rejected: string[]): string {
  return `${host} reported limits Crosswind cannot use (${rejected.join(', ')}); ${network}'s usual limits are used instead.`;
}

/**
 * The account with limits safe to count with, whatever was stored: an account saved before limits
 * were checked, or storage changed by hand, must not be able to break the composer.
 */
export function withUsableLimits(account: Account): Account {
  const info = NETWORK_INFO[account.network];
  const { limits, rejected } = checkLimits(account.limits, info.defaultLimits);
  const note =
    typeof account.limits.note === 'string'
      ? account.limits.note
      : rejected.length > 0
        ? limitsNote(hostOf(account.server), info.name, rejected)
        : undefined;
  return { ...account, limits: note ? { ...limits, note } : limits };
}
