import {
  CrosswindError,
  rateLimited,
  retryAtFromHeaders,
  serverTrouble,
  unreachable,
} from '../../errors';
import { signChecked, type NostrSigner } from './signer';
import type { EventTemplate, MediaAttachment, SignedEvent } from './types';
import { words } from '../../i18n/wording';

// Uploading an image to the user's Blossom server: BUD-02 `PUT /upload` with a BUD-11
// authorization (a kind-24242 event naming the blob's sha256, scoped to this server, expiring in
// five minutes). The blob's address is its hash, so a retried upload lands on the same URL.

/** BUD-02's answer to an upload. */
export interface BlobDescriptor {
  url: string;
  sha256: string;
  size: number;
  type: string;
  uploaded?: number;
}

export interface BlossomUploadOptions {
  /** The server's base URL (`https://cdn.example.com`). */
  server: string;
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: string;
  signer: NostrSigner;
  /** The account's key; the authorization must be signed by it. */
  pubkey?: string;
  fetch?: typeof fetch;
  /** Unix seconds now; injectable for tests. */
  now?: number;
}

/** How long an upload authorization stays valid. */
export const AUTHORIZATION_LIFETIME_SECONDS = 300;

/** Hex sha256 of the bytes (Web Crypto, available in the service worker and Node). */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The BUD-11 upload authorization for one blob on one server. */
export function uploadAuthorization(sha256: string, server: string, now: number): EventTemplate {
  return {
    kind: 24242,
    content: 'Upload image from Crosswind',
    tags: [
      ['t', 'upload'],
      ['x', sha256],
      // Scoped to this server, so a leaked token cannot be replayed elsewhere (BUD-11).
      ['server', new URL(server).hostname.toLowerCase()],
      ['expiration', String(now + AUTHORIZATION_LIFETIME_SECONDS)],
    ],
    created_at: now,
  };
}

/** `Nostr <base64url(event)>`, unpadded, as BUD-11 specifies. */
export function authorizationHeader(event: SignedEvent): string {
  const bytes = new TextEncoder().encode(JSON.stringify(event));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const base64url = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `Nostr ${base64url}`;
}

function isDescriptor(value: unknown): value is BlobDescriptor {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.url === 'string' && typeof record.sha256 === 'string';
}

async function failure(host: string, response: Response): Promise<CrosswindError> {
  // X-Reason is for people, never for control flow (BUD-01).
  const reason = response.headers.get('x-reason')?.trim();
  const said = reason ? `: ${reason}` : '';
  switch (response.status) {
    case 401:
    case 403:
      return new CrosswindError('validation', words('nostr.uploadRejected', { host, said }), {
        status: response.status,
      });
    case 402:
      return new CrosswindError('validation', words('nostr.uploadPayment', { host, said }), {
        status: 402,
      });
    case 413:
      return new CrosswindError('validation', words('nostr.uploadTooLarge', { host, said }), {
        status: 413,
      });
    case 415:
      return new CrosswindError('validation', words('nostr.uploadType', { host, said }), {
        status: 415,
      });
    case 429:
      return rateLimited(host, retryAtFromHeaders(response.headers));
  }
  if (response.status >= 500) return serverTrouble(host, response.status);
  return new CrosswindError(
    'server',
    words('nostr.uploadRefused', { host, status: response.status, said }),
    {
      status: response.status,
    },
  );
}

/** Uploads one blob and returns its descriptor, checked against the bytes sent. */
export async function uploadBlob(options: BlossomUploadOptions): Promise<BlobDescriptor> {
  const base = options.server.replace(/\/+$/, '');
  const host = new URL(base).host;
  const sha256 = await sha256Hex(options.bytes);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const token = await signChecked(
    options.signer,
    uploadAuthorization(sha256, base, now),
    options.pubkey,
  );
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(`${base}/upload`, {
      method: 'PUT',
      body: options.bytes,
      headers: {
        authorization: authorizationHeader(token),
        'content-type': options.mimeType,
        'x-sha-256': sha256,
      },
    });
  } catch (error) {
    throw unreachable(host, error);
  }
  if (!response.ok) throw await failure(host, response);
  const body: unknown = await response.json().catch(() => undefined);
  if (!isDescriptor(body) || !/^https?:\/\//.test(body.url)) {
    throw new CrosswindError('server', words('nostr.uploadNoAddress', { host }));
  }
  if (body.sha256.toLowerCase() !== sha256) {
    // BUD-02: servers must not change the blob. One that did would break the note's `x` tag.
    throw new CrosswindError('server', words('nostr.uploadMismatch', { host }));
  }
  return { ...body, sha256 };
}

/** The note's description of an uploaded image (for NIP-92 `imeta`). */
export function attachmentFrom(
  descriptor: BlobDescriptor,
  image: { mimeType: string; width: number; height: number; alt: string },
): MediaAttachment {
  return {
    url: descriptor.url,
    // The server's type may be a generic fallback; the prepared image's type is known exactly.
    mimeType: image.mimeType,
    sha256: descriptor.sha256,
    size: descriptor.size,
    width: image.width,
    height: image.height,
    alt: image.alt,
  };
}
