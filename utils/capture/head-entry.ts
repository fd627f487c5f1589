import type { HeadEntry } from './types';

/** Enough for any real head; a page stuffed with thousands of tags costs no more than this. */
export const MAX_HEAD_ENTRIES = 1000;

/** The entries one <meta> gives, from a case-insensitive attribute lookup. */
export function metaEntries(attr: (name: string) => string | undefined): HeadEntry[] {
  const value = attr('content');
  if (value === undefined) return [];
  // Pages mix them up (`<meta name="og:title">`, `<meta property="description">`): take both.
  const keys = new Set(
    [attr('property'), attr('name')].flatMap((key) => (key ? [key.trim().toLowerCase()] : [])),
  );
  return [...keys].filter(Boolean).map((key): HeadEntry => ({ kind: 'meta', key, value }));
}

const CANONICAL_TOKEN = /(?:^|[\t\n\f\r ])canonical(?:$|[\t\n\f\r ])/i;

/** Whether a rel attribute lists `canonical` among its space-separated tokens. */
export function isCanonical(rel: string | undefined): boolean {
  return rel !== undefined && CANONICAL_TOKEN.test(rel);
}
