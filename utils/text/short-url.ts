// social-app shortens a link's path to 13 characters and three dots once it passes 15.
const PATH_KEEP = 13;
const PATH_MAX = 15;

/** The Bluesky app's toShortUrl (social-app src/lib/strings/url-helpers.ts), line for line. */
// URL normalises the parts: the host comes out in punycode with any port and its `www.`, and text
// that is not an absolute http(s) URL (a bare domain) comes back unchanged, as in the app.
export function toShortUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return url;
  const path = (parsed.pathname === '/' ? '' : parsed.pathname) + parsed.search + parsed.hash;
  if (path.length > PATH_MAX) return `${parsed.host}${path.slice(0, PATH_KEEP)}...`;
  return parsed.host + path;
}
