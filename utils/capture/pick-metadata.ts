import { cleanText, safeHttpUrl, TEXT_CAPS } from './sanitize';
import type { HeadEntry, PageMetadata } from './types';

// Earlier keys win; within a key, the first usable value in document order wins, as Open Graph
// consumers (Mastodon's and Bluesky's card fetchers among them) read single-valued properties.
const TITLE_KEYS = ['og:title', 'twitter:title'];
const DESCRIPTION_KEYS = ['og:description', 'twitter:description', 'description'];
const IMAGE_KEYS = [
  'og:image',
  'og:image:url',
  'og:image:secure_url',
  'twitter:image',
  'twitter:image:src',
];
const IMAGE_ALT_KEYS = ['og:image:alt', 'twitter:image:alt'];

/** Chooses every field from a page's head entries, so the DOM and HTML readers always agree. */
export function pickPageMetadata(entries: readonly HeadEntry[], pageUrl: string): PageMetadata {
  const metas = new Map<string, string[]>();
  const canonicals: string[] = [];
  let title: string | undefined;
  let base: string | undefined;
  for (const entry of entries) {
    if (entry.kind === 'meta') {
      const values = metas.get(entry.key);
      if (values) values.push(entry.value);
      else metas.set(entry.key, [entry.value]);
    } else if (entry.kind === 'canonical') canonicals.push(entry.value);
    else if (entry.kind === 'title') title ??= entry.value;
    else base ??= entry.value;
  }
  const valuesOf = (keys: readonly string[]) => keys.flatMap((key) => metas.get(key) ?? []);

  // Relative links resolve against <base href> when there is one, as the browser's own would.
  const baseUrl = safeHttpUrl(base, pageUrl) ?? pageUrl;
  const firstUrl = (values: readonly string[]) => firstOf(values, (v) => safeHttpUrl(v, baseUrl));

  const url = firstUrl(canonicals) ?? firstUrl(valuesOf(['og:url'])) ?? safeHttpUrl(pageUrl) ?? '';
  const metadata: PageMetadata = {
    url,
    title:
      firstText(valuesOf(TITLE_KEYS), TEXT_CAPS.title) ??
      firstText(title === undefined ? [] : [title], TEXT_CAPS.title) ??
      (url ? new URL(url).hostname : ''),
  };
  const description = firstText(valuesOf(DESCRIPTION_KEYS), TEXT_CAPS.description);
  if (description) metadata.description = description;
  const image = firstUrl(valuesOf(IMAGE_KEYS));
  if (image) {
    metadata.image = image;
    const imageAlt = firstText(valuesOf(IMAGE_ALT_KEYS), TEXT_CAPS.alt);
    if (imageAlt) metadata.imageAlt = imageAlt;
  }
  const siteName = firstText(valuesOf(['og:site_name']), TEXT_CAPS.title);
  if (siteName) metadata.siteName = siteName;
  return metadata;
}

function firstText(values: readonly string[], maxLength: number): string | undefined {
  return firstOf(values, (value) => cleanText(value, { maxLength }).text);
}

// Stops at the first hit: a page may repeat og:image fifty times.
function firstOf(values: readonly string[], usable: (value: string) => string | undefined) {
  for (const value of values) {
    const result = usable(value);
    if (result) return result;
  }
  return undefined;
}
