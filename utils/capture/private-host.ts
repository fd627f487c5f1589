/**
 * Whether a host is on the user's own machine or network: a page's og:image or a shared link must
 * not make the extension send requests to a router or an intranet server. Only literal addresses
 * and `localhost` can be recognised; a public name that resolves to a private address cannot.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const v4 = ipv4(host);
  if (v4) return isPrivateIpv4(v4);
  if (host.includes(':')) return isPrivateIpv6(host);
  return false;
}

function ipv4(host: string): number[] | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return undefined;
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : undefined;
}

function isPrivateIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

function isPrivateIpv6(host: string): boolean {
  if (host === '::1' || host === '::') return true;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1, or ::ffff:a00:1 as URL parsing writes it).
  const mapped = /^::ffff:(.+)$/.exec(host)?.[1];
  if (mapped) {
    const dotted = ipv4(mapped);
    if (dotted) return isPrivateIpv4(dotted);
    const [high = '', low = ''] = mapped.split(':');
    const value = (parseInt(high, 16) << 16) | parseInt(low, 16);
    return isPrivateIpv4([(value >>> 24) & 255, (value >>> 16) & 255]);
  }
  const first = parseInt(host.split(':')[0] || '0', 16);
  // fc00::/7 unique local, fe80::/10 link-local.
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}
