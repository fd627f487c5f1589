import type { LinkCard } from '../networks/types';
import type { PageMetadata } from './types';

/** A card from a page's metadata, when it has an address. */
export function cardOf(meta: PageMetadata | undefined): LinkCard | undefined {
  if (!meta?.url) return undefined;
  return {
    url: meta.url,
    title: meta.title,
    description: meta.description ?? '',
    ...(meta.image && { image: meta.image }),
    ...(meta.imageAlt && { imageAlt: meta.imageAlt }),
  };
}

/**
 * What identifies the page a link opens: the scheme, a `www.`, a trailing slash and the fragment
 * change nothing. Undefined for text that is not a URL.
 */
export function linkKey(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  const { host, pathname, search } = new URL(url);
  return `${host.replace(/^www\./, '')}${pathname.replace(/\/+$/, '')}${search}`;
}

/** Two addresses of the same page as people write them. */
export function sameLink(a: string, b: string): boolean {
  const key = linkKey(a);
  return key !== undefined && key === linkKey(b);
}
