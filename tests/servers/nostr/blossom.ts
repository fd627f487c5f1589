import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthError, checkAuthorization } from './blossom-auth';

// A Blossom media server written from BUD-01 (GET/HEAD /<sha256>, CORS), BUD-02 (PUT /upload,
// blob descriptors), BUD-11 (kind-24242 authorization) and BUD-12 (DELETE /<sha256>), holding
// blobs in memory on 127.0.0.1.

/** A stored blob and who uploaded it. */
export interface StoredBlob {
  bytes: Buffer;
  type: string;
  uploaded: number;
  owners: Set<string>;
}

/** BUD-02's blob descriptor. */
export interface BlobDescriptor {
  url: string;
  sha256: string;
  size: number;
  type: string;
  uploaded: number;
}

/** A failure a test queues for the next uploads. */
export interface UploadFault {
  status: number;
  reason: string;
  /** How many uploads fail this way (default 1). */
  times?: number;
}

export interface BlossomServerOptions {
  port?: number;
  /** Largest blob accepted, in bytes (413 above it); default 10 MiB. */
  maxBytes?: number;
  /** MIME types accepted (415 for others); default any. */
  acceptTypes?: string[];
}

/** A running Blossom server. */
export interface BlossomTestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  blobs: ReadonlyMap<string, StoredBlob>;
  /** How many PUT /upload requests arrived, accepted or not. */
  uploadAttempts(): number;
  /** Makes the next upload(s) fail with this status and `X-Reason`. */
  failUploads(fault: UploadFault): void;
  close(): Promise<void>;
}

const SHA256_PATH = /^\/([0-9a-f]{64})(\.[a-z0-9]+)?$/;

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/avif': '.avif',
  'video/mp4': '.mp4',
  'application/pdf': '.pdf',
};

const CORS = { 'access-control-allow-origin': '*' };

const nowSeconds = () => Math.floor(Date.now() / 1000);

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    reason: string,
  ) {
    super(reason);
  }
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string | number>,
  body?: Buffer | string,
): void {
  response.writeHead(status, { ...CORS, ...headers });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, { 'content-type': 'application/json' }, JSON.stringify(value));
}

async function readBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw new HttpFailure(413, `Blob larger than ${maxBytes} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Starts a Blossom server on 127.0.0.1. */
export async function startBlossomServer(
  options: BlossomServerOptions = {},
): Promise<BlossomTestServer> {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const blobs = new Map<string, StoredBlob>();
  const faults: Array<Required<UploadFault>> = [];
  let uploadAttempts = 0;
  let base = '';

  const descriptor = (sha256: string, blob: StoredBlob): BlobDescriptor => ({
    url: `${base}/${sha256}${EXTENSIONS[blob.type] ?? ''}`,
    sha256,
    size: blob.bytes.length,
    type: blob.type,
    uploaded: blob.uploaded,
  });

  async function upload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    uploadAttempts += 1;
    const fault = faults[0];
    if (fault) {
      fault.times -= 1;
      if (fault.times <= 0) faults.shift();
      throw new HttpFailure(fault.status, fault.reason);
    }
    const declaredLength = Number(request.headers['content-length']);
    if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
      throw new HttpFailure(413, `Blob larger than ${maxBytes} bytes`);
    }
    const declaredHash = request.headers['x-sha-256'];
    const claimed = typeof declaredHash === 'string' ? declaredHash.toLowerCase() : undefined;
    // With X-SHA-256 the token is checked before the body is read, as BUD-02 allows.
    const host = new URL(base).hostname;
    if (claimed) {
      checkAuthorization(request.headers.authorization, {
        verb: 'upload',
        sha256: claimed,
        host,
        now: nowSeconds(),
      });
    }
    const bytes = await readBody(request, maxBytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (claimed && claimed !== sha256) {
      throw new HttpFailure(409, 'X-SHA-256 does not match the uploaded bytes');
    }
    const token = checkAuthorization(request.headers.authorization, {
      verb: 'upload',
      sha256,
      host,
      now: nowSeconds(),
    });
    const type =
      request.headers['content-type']?.split(';')[0]?.trim() || 'application/octet-stream';
    if (options.acceptTypes && !options.acceptTypes.includes(type)) {
      throw new HttpFailure(415, `${type} is not accepted here`);
    }
    const existing = blobs.get(sha256);
    if (existing) {
      existing.owners.add(token.pubkey);
      sendJson(response, 200, descriptor(sha256, existing));
      return;
    }
    const blob: StoredBlob = {
      bytes,
      type,
      uploaded: nowSeconds(),
      owners: new Set([token.pubkey]),
    };
    blobs.set(sha256, blob);
    sendJson(response, 201, descriptor(sha256, blob));
  }

  function retrieve(method: string, sha256: string, response: ServerResponse): void {
    const blob = blobs.get(sha256);
    if (!blob) throw new HttpFailure(404, 'Blob not found');
    const headers = {
      'content-type': blob.type,
      'content-length': blob.bytes.length,
      'accept-ranges': 'none',
    };
    send(response, 200, headers, method === 'HEAD' ? undefined : blob.bytes);
  }

  function remove(request: IncomingMessage, sha256: string, response: ServerResponse): void {
    const token = checkAuthorization(request.headers.authorization, {
      verb: 'delete',
      sha256,
      host: new URL(base).hostname,
      now: nowSeconds(),
    });
    const blob = blobs.get(sha256);
    if (!blob) throw new HttpFailure(404, 'Blob not found');
    if (!blob.owners.has(token.pubkey)) throw new HttpFailure(403, 'You did not upload this blob');
    blob.owners.delete(token.pubkey);
    if (blob.owners.size === 0) blobs.delete(sha256);
    send(response, 204, {});
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', base).pathname;
    if (method === 'OPTIONS') {
      send(response, 204, {
        'access-control-allow-headers': 'Authorization, *',
        'access-control-allow-methods': 'GET, HEAD, PUT, DELETE',
        'access-control-max-age': 86400,
      });
      return;
    }
    if (path === '/upload' && method === 'PUT') return upload(request, response);
    const blobPath = SHA256_PATH.exec(path);
    if (blobPath?.[1] && (method === 'GET' || method === 'HEAD')) {
      return retrieve(method, blobPath[1], response);
    }
    if (blobPath?.[1] && method === 'DELETE' && !blobPath[2]) {
      return remove(request, blobPath[1], response);
    }
    throw new HttpFailure(404, 'Not found');
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      const status =
        error instanceof HttpFailure ? error.status : error instanceof AuthError ? 401 : 500;
      const reason = error instanceof Error ? error.message : 'Internal error';
      // The body may still be arriving; answer and drop the rest.
      request.resume();
      send(response, status, { 'x-reason': reason, 'content-type': 'text/plain' }, reason);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    blobs,
    uploadAttempts: () => uploadAttempts,
    failUploads: (fault) => {
      faults.push({ times: 1, ...fault });
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
