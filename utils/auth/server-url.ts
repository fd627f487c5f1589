import { CrosswindError } from '../errors';
import { words, type Wording } from '../i18n/wording';

/** What an address is for, as callers name it; each is worded in the user's language. */
export type AddressOf = 'server' | 'handle resolver' | 'PLC directory' | `${string} server`;

/** The noun for what an address is for ("Mastodon server", "Mastodon-Server"), worded where read. */
function addressNoun(what: AddressOf): Wording {
  if (what === 'server') return words('address.server');
  if (what === 'handle resolver') return words('address.handleResolver');
  if (what === 'PLC directory') return words('address.plcDirectory');
  return words('address.networkServer', { network: what.slice(0, -' server'.length) });
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for hosts on this machine, where plain http is acceptable (local and test servers). */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost');
}

/**
 * Turns what a person types ("mastodon.social", "https://fosstodon.org/", "@me@hachyderm.io")
 * into a server origin, or says plainly why it is not one.
 */
export function normalizeServerUrl(input: string, what: AddressOf = 'server'): string {
  let text = input.trim();
  const noun = addressNoun(what);
  if (!text) throw new CrosswindError('validation', words('address.missing', { what: noun }));
  const handle = /^@?[^@\s/]+@([^@\s/]+)$/.exec(text);
  if (handle?.[1]) text = handle[1];
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CrosswindError(
      'validation',
      words('address.invalid', { input: input.trim(), what: noun }),
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new CrosswindError('validation', words('address.needsHttps', { what: noun }));
  }
  if (!url.hostname.includes('.') && !isLoopback(url)) {
    throw new CrosswindError(
      'validation',
      words('address.invalid', { input: input.trim(), what: noun }),
    );
  }
  return url.origin;
}

/** True when a password or token may travel to `url`: https, or plain http to this computer. */
export function isSecureTransport(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url));
}

/**
 * The one check for every address a secret may be sent to, however it was found: typed, named in
 * a DID document, handed back by a server after sign-in, or stored with a credential. Throws
 * before anything is sent.
 */
export function assertSecureTransport(address: string | URL, what: AddressOf = 'server'): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new CrosswindError(
      'validation',
      words('address.givenInvalid', { what: addressNoun(what), input: String(address) }),
    );
  }
  if (!isSecureTransport(url)) {
    throw new CrosswindError(
      'validation',
      words('address.insecure', { what: addressNoun(what), origin: url.origin }),
      { detail: url.origin },
    );
  }
  return url;
}

/**
 * A fetch for clients that carry secrets: every request, whatever address the client picked (the
 * Bluesky SDK follows the PDS a DID document names), passes assertSecureTransport first.
 */
export function secureFetch(what: AddressOf, base?: typeof fetch): typeof fetch {
  return (input, init) => {
    try {
      assertSecureTransport(requestUrl(input), what);
    } catch (error) {
      return Promise.reject(error);
    }
    // Looked up per call, so a fetch replaced later (tests, polyfills) is the one used.
    return (base ?? globalThis.fetch)(input, init);
  };
}

/** The address of a fetch() argument in any of its three forms. */
export function requestUrl(input: RequestInfo | URL): string {
  if (input instanceof URL) return input.href;
  return typeof input === 'string' ? input : input.url;
}

/**
 * A fetch for a client holding a credential bound to `origin`: requests anywhere else (a DID
 * document that now names another PDS, say) are refused as a login that needs renewing.
 */
export function fetchOnlyTo(origin: string, who: string, base?: typeof fetch): typeof fetch {
  const secure = secureFetch('server', base);
  return (input, init) => {
    const target = new URL(requestUrl(input), origin);
    if (target.origin !== origin) {
      return Promise.reject(
        new CrosswindError(
          'auth',
          words('address.movedServer', { who, host: new URL(origin).host, target: target.host }),
        ),
      );
    }
    return secure(input, init);
  };
}
