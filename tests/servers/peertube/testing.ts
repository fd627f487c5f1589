import { onTestFinished } from 'vitest';
import { startPeerTubeServer } from './server';
import type { PeerTubeServer, PeerTubeServerOptions } from './types';

// Helpers for this server's own tests.

/** Starts a server for the current test and closes it when the test ends. */
export async function startServer(options: PeerTubeServerOptions = {}): Promise<PeerTubeServer> {
  const server = await startPeerTubeServer(options);
  onTestFinished(() => server.close());
  return server;
}

/** Signs in with the password grant and answers the access token. */
export async function signIn(
  server: PeerTubeServer,
  username = 'alice',
  password = 'alice-password',
  otp?: string,
): Promise<{ access: string; refresh: string }> {
  const client = (await (await fetch(`${server.url}/api/v1/oauth-clients/local`)).json()) as {
    client_id: string;
    client_secret: string;
  };
  const response = await fetch(`${server.url}/api/v1/users/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(otp && { 'x-peertube-otp': otp }),
    },
    body: new URLSearchParams({ ...client, grant_type: 'password', username, password }),
  });
  const body = (await response.json()) as { access_token: string; refresh_token: string };
  return { access: body.access_token, refresh: body.refresh_token };
}

/**
 * Asks for an upload session for a `size`-byte WebM and answers the server's reply as it is;
 * `extra` adds to or replaces the metadata (a title, channel 1, clip.webm).
 */
export function initUpload(
  server: PeerTubeServer,
  access: string,
  size: number,
  extra: Record<string, unknown> = {},
): Promise<Response> {
  return fetch(`${server.url}/api/v1/videos/upload-resumable`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${access}`,
      'content-type': 'application/json',
      'x-upload-content-length': String(size),
      'x-upload-content-type': 'video/webm',
    },
    body: JSON.stringify({ name: 'A clip', channelId: 1, filename: 'clip.webm', ...extra }),
  });
}

/** Opens an upload session and answers its address. */
export async function openUpload(
  server: PeerTubeServer,
  access: string,
  size: number,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const response = await initUpload(server, access, size, extra);
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`init ${response.status}`);
  return new URL(response.headers.get('location') ?? '', server.url).href;
}

/** PUTs bytes at `start` of a `total`-byte file. */
export function putChunk(
  url: string,
  access: string,
  bytes: Uint8Array<ArrayBuffer>,
  start: number,
  total: number,
): Promise<Response> {
  return fetch(url, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${access}`,
      'content-type': 'application/octet-stream',
      'content-range': `bytes ${start}-${start + bytes.length - 1}/${total}`,
    },
    body: bytes,
  });
}

/** Asks how far an upload got (`Content-Range: bytes *\/total`, empty body). */
export function askOffset(url: string, access: string, total: number): Promise<Response> {
  return fetch(url, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${access}`,
      'content-range': `bytes */${total}`,
      'content-length': '0',
    },
  });
}
