import { countCodePoints } from './graphemes';
import { domainToAscii } from './idna';
import { scanValidUrls } from './url-scan';

/** A link found in a text; offsets are UTF-16 code units, end exclusive. */
export interface UrlMatch {
  start: number;
  end: number;
  url: string;
}

// twitter-text's Extractor::MAX_URL_LENGTH and MAX_TCO_SLUG_LENGTH.
const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const TCO_URL = /^https?:\/\/t\.co\/([a-z0-9]+)/i;
const HTTP_URL = /^https?:\/\//i;

/** Mirrors twitter-text's is_valid_domain: the URL, with its host in punycode, fits 4096. */
function fitsUrlLimit(url: string, domain: string): boolean {
  const ascii = domainToAscii(domain);
  if (ascii === null) return false;
  const growth = Math.max(0, ascii.length - countCodePoints(domain));
  return countCodePoints(url) + growth <= MAX_URL_LENGTH;
}

/** Every link StatusLengthValidator discounts, whatever its scheme; never a bare domain. */
// twitter-text's extract_urls_with_indices(text, extract_url_without_protocol: false) under
// Mastodon's regex overrides, so dat, dweb, ipfs, ipns, ssb, gopher and gemini links count too.
export function findMastodonUrls(text: string): UrlMatch[] {
  const urls: UrlMatch[] = [];
  for (const match of scanValidUrls(text)) {
    const [, before = '', found = '', protocol, domain = ''] = match;
    // Ruby's scan still consumes a scheme-less match, which is why it is skipped, not filtered.
    if (!protocol) continue;
    let url = found;
    const tco = TCO_URL.exec(url);
    if (tco) {
      if ((tco[1] ?? '').length > MAX_TCO_SLUG_LENGTH) continue;
      url = tco[0];
    }
    if (!fitsUrlLimit(url, domain)) continue;
    const start = match.index + before.length;
    urls.push({ start, end: start + url.length, url });
  }
  return urls;
}

/** The http(s) URLs in a text exactly as Mastodon (twitter-text) recognises them. */
export function findUrls(text: string): UrlMatch[] {
  return findMastodonUrls(text).filter((found) => HTTP_URL.test(found.url));
}
