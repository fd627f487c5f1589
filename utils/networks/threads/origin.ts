import { isLoopback } from '@/utils/auth/server-url';
import { CrosswindError } from '@/utils/errors';
import { words } from '@/utils/i18n/wording';

// Threads has one API server, graph.threads.net, and its Authorization Window on threads.com.
// Tests and the sandbox point Crosswind at a Threads test server on this computer instead; no
// other address is accepted, so an App secret can only ever travel to Meta or to loopback.

export const THREADS_API_ORIGIN = 'https://graph.threads.net';
const THREADS_AUTHORIZE_URL = 'https://threads.com/oauth/authorize';
const THREADS_WEB = 'https://www.threads.com';

/** The API origin for what the connect form sent: Meta's, or a test server on this computer. */
export function threadsApiOrigin(input: string | undefined): string {
  const text = input?.trim() ?? '';
  if (text === '') return THREADS_API_ORIGIN;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CrosswindError('validation', words('threads.badApiAddress'));
  }
  if (
    url.origin === THREADS_API_ORIGIN ||
    ((url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url))
  ) {
    return url.origin;
  }
  throw new CrosswindError('validation', words('threads.badApiAddress'));
}

/** True when the account talks to Meta itself (not a test server). */
export function isMeta(origin: string): boolean {
  return origin === THREADS_API_ORIGIN;
}

/** The Authorization Window that goes with an API origin. */
export function authorizeUrlFor(origin: string): string {
  return isMeta(origin) ? THREADS_AUTHORIZE_URL : `${origin}/oauth/authorize`;
}

/** Where a profile is on the web. */
export function profileUrl(origin: string, username: string): string {
  return `${isMeta(origin) ? THREADS_WEB : origin}/@${username}`;
}
