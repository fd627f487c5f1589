import type { SignedEvent } from './types';

// NIP-01 kind 0: the user's profile, a JSON object in the content. Only what Crosswind shows is
// read, and only as strings; anything else in it is ignored.

export const PROFILE_KIND = 0;

/** The name and picture a kind-0 profile gives, if it gives them. */
export function parseProfile(event: Pick<SignedEvent, 'content'> | undefined): {
  name?: string;
  picture?: string;
} {
  if (!event) return {};
  let value: unknown;
  try {
    value = JSON.parse(event.content);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  const text = (key: string) => {
    const item = record[key];
    return typeof item === 'string' && item.trim() ? item.trim() : undefined;
  };
  const name = text('display_name') ?? text('name');
  const picture = text('picture');
  return { ...(name && { name }), ...(picture && { picture }) };
}
