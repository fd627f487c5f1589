import { words } from '@/utils/i18n/wording';
import { CrosswindError } from '@/utils/errors';
import { fromFetchFailure, fromMisskeyAnswer } from './errors';
import { DEFAULT_TIMEOUT_MS } from './client';
import { readUser, type MisskeyUser } from './validate';

// MiAuth needs no client secret and no registered redirect: Crosswind makes up a session id,
// opens the server's consent page for it, and asks once for the token the person granted.

/** Only what posting needs: notes, drive uploads (images), and reading who the account is. */
export const MIAUTH_PERMISSIONS = ['write:notes', 'write:drive', 'read:account'] as const;

/** What the consent page shows and where it sends the person afterwards. */
export interface MiAuthRequest {
  name: string;
  /** The app's icon (an https URL the server can show). */
  icon?: string;
  /** Where the page goes after Accept, with `?session=` added. */
  callback: string;
  permission?: readonly string[];
}

/** The consent page for `session`: https://HOST/miauth/UUID?name=…&icon=…&callback=…&permission=… */
export function miauthUrl(origin: string, session: string, request: MiAuthRequest): string {
  const url = new URL(`/miauth/${encodeURIComponent(session)}`, origin);
  const query = new URLSearchParams({ name: request.name });
  if (request.icon) query.set('icon', request.icon);
  query.set('callback', request.callback);
  query.set('permission', (request.permission ?? MIAUTH_PERMISSIONS).join(','));
  url.search = query.toString();
  return url.toString();
}

/** Checks that the page came back to our callback for our session. */
export function assertCallback(redirectUrl: string, session: string, host: string): void {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    throw new CrosswindError('auth', words('misskey.unreadableRedirect', { host }));
  }
  if (url.searchParams.get('session') !== session) {
    throw new CrosswindError('auth', words('misskey.otherSignIn', { host }));
  }
}

/** What a successful check gives: the token, once, and the account it belongs to. */
export interface MiAuthGrant {
  token: string;
  user: MisskeyUser;
}

/**
 * `POST /api/miauth/UUID/check`. The server hands the token out exactly once: `{ ok: false }`
 * means the person did not approve, or the one answer was already given (and lost). Either way
 * the only way forward is a new session, which the error says plainly.
 */
export async function checkMiAuth(
  origin: string,
  session: string,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<MiAuthGrant> {
  const host = new URL(origin).host;
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(`${origin}/api/miauth/${encodeURIComponent(session)}/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
      signal,
      credentials: 'omit',
    });
    body = await response.json().catch(() => undefined);
  } catch (error) {
    throw fromFetchFailure(error, host, timeout.aborted);
  }
  if (!response.ok) throw fromMisskeyAnswer(response.status, body, response.headers, host);
  const answer = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (answer.ok !== true) {
    throw new CrosswindError('auth', words('misskey.notApproved', { host }));
  }
  if (typeof answer.token !== 'string' || answer.token === '') {
    throw new CrosswindError('server', words('misskey.noToken', { host }));
  }
  return { token: answer.token, user: readUser(answer.user, host) };
}
