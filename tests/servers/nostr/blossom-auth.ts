import { verifyEvent, type Event } from 'nostr-tools/pure';

// BUD-11 authorization, checked as a Blossom server must: a signed kind-24242 event in
// `Authorization: Nostr <base64url(json)>`, with the verb of the endpoint, an expiration in the
// future, and (for uploads and deletions) an `x` tag naming the blob.

/** Why an authorization was refused; the message becomes the `X-Reason` header. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
}

/** What the endpoint needs from the token. */
export interface AuthRequirement {
  verb: 'upload' | 'delete' | 'get' | 'list';
  /** The blob hash the endpoint implies; the token must name it in an `x` tag. */
  sha256?: string;
  /** The server's own host name, checked against `server` tags when there are any. */
  host: string;
  now: number;
}

function decodeToken(header: string | undefined): unknown {
  if (!header) throw new AuthError('Missing Authorization header');
  const match = /^Nostr\s+(\S+)$/.exec(header);
  if (!match?.[1]) throw new AuthError('Authorization must use the Nostr scheme');
  try {
    // BUD-11 asks for base64url without padding; older clients send standard base64, which
    // Node's decoder also accepts, as real servers do.
    return JSON.parse(Buffer.from(match[1], 'base64').toString('utf8'));
  } catch {
    throw new AuthError('Authorization is not base64-encoded JSON');
  }
}

const tagValues = (event: Event, name: string) =>
  event.tags.filter((tag) => tag[0] === name).map((tag) => tag[1] ?? '');

/** Returns the verified token, or throws AuthError with the reason a server would give. */
export function checkAuthorization(header: string | undefined, need: AuthRequirement): Event {
  const token = decodeToken(header) as Event;
  if (typeof token !== 'object' || token === null || !verifyEvent(token)) {
    throw new AuthError('Invalid signature or event id');
  }
  if (token.kind !== 24242) throw new AuthError('Authorization event must be kind 24242');
  if (token.created_at > need.now) throw new AuthError('Authorization event is in the future');
  const expiration = Number(tagValues(token, 'expiration')[0]);
  if (!Number.isFinite(expiration)) throw new AuthError('Authorization has no expiration');
  if (expiration <= need.now) throw new AuthError('Authorization expired');
  if (!tagValues(token, 't').includes(need.verb)) {
    throw new AuthError(`Authorization is not for "${need.verb}"`);
  }
  const servers = tagValues(token, 'server');
  if (servers.length > 0 && !servers.includes(need.host)) {
    throw new AuthError('Authorization is for another server');
  }
  if (need.sha256 !== undefined && !tagValues(token, 'x').includes(need.sha256)) {
    throw new AuthError('Authorization does not name this blob');
  }
  return token;
}
