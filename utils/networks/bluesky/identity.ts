import { words, type Wording } from '@/utils/i18n/wording';
import { assertSecureTransport, normalizeServerUrl } from '@/utils/auth/server-url';
import { CrosswindError, serverTrouble } from '@/utils/errors';
import { fetchJson, requireJson } from '../fetch-json';
import type { DirectorySettings } from '@/utils/storage';

const HANDLE = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The server that handles sign-in for people who give an email and no server. */
const BLUESKY_ENTRYWAY = 'https://bsky.social';

interface DidDocument {
  service?: Array<{ id?: string; type?: string; serviceEndpoint?: unknown }>;
}

/** What the user typed, cleaned: a handle without "@", in lower case. */
export function normalizeIdentifier(input: string): string {
  const text = input.trim().replace(/^@/, '');
  return EMAIL.test(text) ? text : text.toLowerCase();
}

async function getJson(url: string, notFound: Wording): Promise<unknown> {
  const host = new URL(url).host;
  const answer = await fetchJson(url);
  if (!answer.isWebPage && (answer.status === 400 || answer.status === 404)) {
    throw new CrosswindError('validation', notFound);
  }
  const body = requireJson(answer, host);
  if (!answer.ok) throw serverTrouble(host, answer.status);
  return body;
}

async function resolveDid(handle: string, directory: DirectorySettings): Promise<string> {
  const url = new URL('/xrpc/com.atproto.identity.resolveHandle', directory.handleResolver);
  url.searchParams.set('handle', handle);
  const body = (await getJson(url.toString(), words('bluesky.noSuchHandle', { handle }))) as {
    did?: unknown;
  } | null;
  const did = body?.did;
  if (typeof did !== 'string' || !/^did:[a-z]+:[A-Za-z0-9._:%-]{1,2048}$/.test(did)) {
    throw new CrosswindError('server', words('bluesky.resolverSilent', { handle }));
  }
  return did;
}

function didDocumentUrl(did: string, directory: DirectorySettings): string {
  if (did.startsWith('did:plc:')) return `${directory.plcDirectory.replace(/\/$/, '')}/${did}`;
  if (did.startsWith('did:web:')) {
    const host = decodeURIComponent(did.slice('did:web:'.length).split(':')[0] ?? '');
    return `https://${host}/.well-known/did.json`;
  }
  throw new CrosswindError(
    'unsupported',
    words('bluesky.unknownDidMethod', { method: did.split(':').slice(0, 2).join(':') }),
  );
}

/** The PDS a DID document names as `#atproto_pds`. */
function pdsFromDidDocument(doc: DidDocument | null, did: string): string | undefined {
  if (!Array.isArray(doc?.service)) return undefined;
  const service = doc.service.find(
    (entry) => entry?.id === '#atproto_pds' || entry?.id === `${did}#atproto_pds`,
  );
  return typeof service?.serviceEndpoint === 'string' ? service.serviceEndpoint : undefined;
}

/**
 * Finds where to sign in: the server the user named; for an email, the main Bluesky server; for a
 * handle, handle → DID → the PDS its DID document names, so people on their own PDS just type it.
 */
export async function findBlueskyService(
  identifier: string,
  serverInput: string | undefined,
  directory: DirectorySettings,
): Promise<string> {
  if (serverInput?.trim()) return normalizeServerUrl(serverInput, 'Bluesky server');
  if (!identifier) throw new CrosswindError('validation', words('bluesky.enterHandle'));
  if (EMAIL.test(identifier)) return BLUESKY_ENTRYWAY;
  let did = identifier;
  if (!identifier.startsWith('did:')) {
    if (!HANDLE.test(identifier)) {
      throw new CrosswindError('validation', words('bluesky.notAHandle', { input: identifier }));
    }
    did = await resolveDid(identifier, directory);
  }
  const doc = (await getJson(
    didDocumentUrl(did, directory),
    words('bluesky.identityNotFound', { identifier }),
  )) as DidDocument | null;
  const pds = pdsFromDidDocument(doc, did);
  if (!pds) throw new CrosswindError('server', words('bluesky.identityNoServer', { identifier }));
  // The app password goes there next: a DID document is as untrusted as anything typed.
  assertSecureTransport(pds, 'Bluesky server');
  return pds;
}
