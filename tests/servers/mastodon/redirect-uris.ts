// Doorkeeper's redirect URI rules, with Ruby's URI.parse (RFC 3986) in place of WHATWG URL, which
// would accept and rewrite things Ruby rejects.

/** The out-of-band URI: show the code instead of redirecting. */
export const OOB_URI = 'urn:ietf:wg:oauth:2.0:oob';

interface RubyUri {
  scheme: string | null;
  host: string | null;
  path: string;
  opaque: boolean;
  fragment: string | null;
}

const URI_REFERENCE =
  /^(?:([A-Za-z][A-Za-z0-9+.-]*):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;
const ALLOWED = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;

/** URI.parse, loosely: undefined where Ruby would raise InvalidURIError. */
export function parseUri(text: string): RubyUri | undefined {
  if (!ALLOWED.test(text)) return undefined;
  const match = URI_REFERENCE.exec(text);
  if (!match) return undefined;
  const [, scheme, authority, path = '', , fragment] = match;
  // Without a scheme, a first path segment holding a colon would read as one.
  if (!scheme && authority === undefined && (path.split('/')[0] ?? '').includes(':')) {
    return undefined;
  }
  const host = authority === undefined ? null : authority.replace(/^.*@/, '').replace(/:\d*$/, '');
  return {
    scheme: scheme ? scheme.toLowerCase() : null,
    host,
    path,
    opaque: Boolean(scheme) && authority === undefined && path !== '' && !path.startsWith('/'),
    fragment: fragment ?? null,
  };
}

function isHttp(uri: RubyUri): boolean {
  return uri.scheme === 'http' || uri.scheme === 'https';
}

/**
 * Doorkeeper's RedirectUriValidator on the stored value (URIs joined by newlines): the full
 * messages Rails would list, each once; an entry Ruby cannot parse ends the check.
 */
export function redirectUriErrors(value: string): string[] {
  const errors: string[] = [];
  const add = (message: string): void => {
    const full = `Redirect URI ${message}`;
    if (!errors.includes(full)) errors.push(full);
  };
  const entries = value.split(/[ \t\n\v\f\r]+/).filter((entry) => entry !== '');
  if (entries.length === 0) {
    add("can't be blank");
    return errors;
  }
  for (const entry of entries) {
    if (entry === OOB_URI || entry === `${OOB_URI}:auto`) continue;
    const uri = parseUri(entry);
    if (!uri) {
      add('must be a valid URI.');
      break;
    }
    if (['javascript', 'vbscript', 'data'].includes(uri.scheme ?? ''))
      add('is forbidden by the server.');
    if (uri.fragment !== null) add('cannot contain a fragment.');
    if (uri.opaque || uri.scheme === 'localhost') add('must specify a scheme.');
    if (uri.scheme === null && !uri.host) add('must be an absolute URI.');
    if (isHttp(uri) && !uri.host) add('must be a valid URI.');
  }
  if (value.length > 2000) add('is too long (maximum is 2000 characters)');
  return errors;
}

function isLoopback(host: string | null): boolean {
  if (!host) return false;
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

function withoutPort(text: string): string {
  return text.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*?)(?::\d*)?(?=[/?#]|$)/, '$1');
}

/**
 * URIChecker.valid_for_authorization?: the requested URI is one the client registered, character
 * for character, or for loopback addresses (RFC 8252) the same but for the port.
 */
export function redirectUriAllowed(requested: string, registered: readonly string[]): boolean {
  if (requested === OOB_URI) return registered.includes(OOB_URI);
  const uri = parseUri(requested);
  if (!uri || uri.scheme === null || uri.fragment !== null || uri.opaque) return false;
  if (['javascript', 'vbscript', 'data', 'localhost'].includes(uri.scheme)) return false;
  if (isHttp(uri) && !uri.host) return false;
  return registered.some((known) => {
    if (known === requested) return true;
    const knownUri = parseUri(known);
    return (
      knownUri !== undefined &&
      isLoopback(uri.host) &&
      isLoopback(knownUri.host) &&
      withoutPort(known) === withoutPort(requested)
    );
  });
}

/** Doorkeeper's URIBuilder: parameters added to the redirect URI's query, blank ones left out. */
export function withQuery(redirectUri: string, parameters: [string, string | undefined][]): string {
  const query = new URLSearchParams();
  for (const [name, value] of parameters) {
    if (value !== undefined && value.trim() !== '') query.append(name, value);
  }
  const text = query.toString();
  if (text === '') return redirectUri;
  return `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${text}`;
}
