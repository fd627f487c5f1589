import { rulesOf, type Flavor } from './flavors';

/** Doorkeeper's `default_scopes` in Mastodon. */
export const DEFAULT_SCOPES = ['read'];

/** Doorkeeper's `optional_scopes` in Mastodon 4.4. */
export const OPTIONAL_SCOPES = [
  'profile',
  'write',
  'write:accounts',
  'write:blocks',
  'write:bookmarks',
  'write:conversations',
  'write:favourites',
  'write:filters',
  'write:follows',
  'write:lists',
  'write:media',
  'write:mutes',
  'write:notifications',
  'write:reports',
  'write:statuses',
  'read',
  'read:accounts',
  'read:blocks',
  'read:bookmarks',
  'read:favourites',
  'read:filters',
  'read:follows',
  'read:lists',
  'read:mutes',
  'read:notifications',
  'read:search',
  'read:statuses',
  'follow',
  'push',
  'admin:read',
  'admin:read:accounts',
  'admin:read:reports',
  'admin:read:domain_allows',
  'admin:read:domain_blocks',
  'admin:read:ip_blocks',
  'admin:read:email_domain_blocks',
  'admin:read:canonical_email_blocks',
  'admin:write',
  'admin:write:accounts',
  'admin:write:reports',
  'admin:write:domain_allows',
  'admin:write:domain_blocks',
  'admin:write:ip_blocks',
  'admin:write:email_domain_blocks',
  'admin:write:canonical_email_blocks',
];

/** Every scope the server knows, as `scopes_supported` lists them. */
export const ALL_SCOPES = [...new Set([...DEFAULT_SCOPES, ...OPTIONAL_SCOPES])];

/** Doorkeeper::OAuth::Scopes.from_string: split on spaces, duplicates dropped. */
export function parseScopes(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(/\s+/).filter((scope) => scope !== ''))];
}

/** The scopes a flavor's OAuth server knows: Mastodon's, or the flavor's own few. */
export function knownScopes(flavor: Flavor): readonly string[] {
  const scopes = rulesOf(flavor).scopes;
  return scopes === 'mastodon' ? ALL_SCOPES : scopes;
}

/** ScopeChecker.valid?: not blank, no odd characters, every scope known and allowed. */
export function scopesValid(
  requested: string,
  allowed: readonly string[],
  known: readonly string[] = ALL_SCOPES,
): boolean {
  if (requested.trim() === '' || /[\r\n\t]/.test(requested)) return false;
  return parseScopes(requested).every((scope) => known.includes(scope) && allowed.includes(scope));
}

/** Plain-language descriptions for the consent page. */
export const SCOPE_DESCRIPTIONS: Record<string, string> = {
  read: 'Read all your account data',
  write: 'Modify all your account data',
  follow: 'Modify account relationships',
  push: 'Receive your push notifications',
  profile: 'Read only your account information',
  'read:accounts': 'See account information',
  'read:statuses': 'See all posts',
  'write:statuses': 'Publish posts',
  'write:media': 'Upload media files',
  'write:accounts': 'Modify your profile',
};
