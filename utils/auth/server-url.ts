import { CrosswindError } from '../errors';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for hosts on this machine, where plain http is acceptable (local and test servers). */
export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost');
}

/**
 * Turns what a person types ("mastodon.social", "https://fosstodon.org/", "@me@hachyderm.io")
 * into a server origin, or says plainly why it is not one.
 */
export function normalizeServerUrl(input: string, what = 'server'): string {
  let text = input.trim();
  if (!text) throw new CrosswindError('validation', `Enter the address of your ${what}.`);
  const handle = /^@?[^@\s/]+@([^@\s/]+)$/.exec(text);
  if (handle?.[1]) text = handle[1];
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) text = `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CrosswindError('validation', `“${input.trim()}” is not a valid ${what} address.`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    throw new CrosswindError(
      'validation',
      `Use an https:// address for your ${what} (plain http is only allowed on this computer).`,
    );
  }
  if (!url.hostname.includes('.') && !isLoopback(url)) {
    throw new CrosswindError('validation', `“${input.trim()}” is not a valid ${what} address.`);
  }
  return url.origin;
}
