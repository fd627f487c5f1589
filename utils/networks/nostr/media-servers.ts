import type { SignedEvent } from './types';

// BUD-03: the user's Blossom servers are a kind-10063 list of `server` tags, most trusted first.
// Crosswind uploads to the first one (BUD-03 requires at least the first).

/** The kind of a BUD-03 user server list. */
export const MEDIA_SERVER_LIST_KIND = 10063;

/** `https://cdn.example.com` for any http(s) address; undefined for anything else. */
export function normalizeMediaServer(input: string): string | undefined {
  const trimmed = input.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.username || url.password || url.search || url.hash) return undefined;
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/** The servers of a kind-10063 list, in its order, each once. */
export function parseMediaServerList(event: Pick<SignedEvent, 'kind' | 'tags'>): string[] {
  if (event.kind !== MEDIA_SERVER_LIST_KIND) return [];
  const servers = new Set<string>();
  for (const [name, value] of event.tags) {
    const url = name === 'server' && value ? normalizeMediaServer(value) : undefined;
    if (url) servers.add(url);
  }
  return [...servers];
}
