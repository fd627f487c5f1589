const LABEL_MAX = 63;

/** The ASCII (punycode) form of a domain, or null where IDNA would refuse it. */
// Mastodon asks libidn (IDNA2003); a page only has WHATWG URL (UTS #46), which agrees on everyday
// names but may differ on exotic code points. Labels longer than 63 octets fail in both.
export function domainToAscii(domain: string): string | null {
  let ascii = domain;
  if (/[^\p{ASCII}]/u.test(domain)) {
    try {
      ascii = new URL(`http://${domain}/`).hostname;
    } catch {
      return null;
    }
  }
  return ascii.split('.').every((label) => label.length <= LABEL_MAX) ? ascii : null;
}
