import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { onTestFinished } from 'vitest';
import { startMisskeyServer, type MisskeyServer, type MisskeyServerOptions } from './index';

// Helpers for this server's own tests: a server per test, API calls, and MiAuth done over HTTP as
// the consent page's script does it.

/** The redirect URL a Chromium extension gets from identity.getRedirectURL(). */
export const CALLBACK = 'https://extension-id.chromiumapp.org/';

/** Starts a server for the current test and closes it when the test ends. */
export async function startServer(options: MisskeyServerOptions = {}): Promise<MisskeyServer> {
  const server = await startMisskeyServer(options);
  onTestFinished(() => server.close());
  return server;
}

/** A response read whole. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body: unknown;
}

async function read(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/** POSTs JSON to `/api/<endpoint>`, with the token as a Bearer header. */
export async function api(
  server: MisskeyServer,
  endpoint: string,
  params: Record<string, unknown> = {},
  token?: string,
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${server.url}/api/${endpoint}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(params),
  });
  return read(response);
}

/** POSTs a multipart form to `/api/<endpoint>`. */
export async function upload(
  server: MisskeyServer,
  endpoint: string,
  form: FormData,
  token?: string,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  return read(
    await fetch(`${server.url}/api/${endpoint}`, { method: 'POST', headers, body: form }),
  );
}

/** Any request, read whole. */
export async function request(server: MisskeyServer, path: string, init: RequestInit = {}) {
  return read(await fetch(`${server.url}${path}`, { redirect: 'manual', ...init }));
}

/** The web client's own token of the signed-in person, as the consent page embeds it. */
export function nativeTokenFrom(page: string): string {
  const found = /"i":"([^"]+)"/.exec(page);
  if (!found) throw new Error('the consent page holds no token');
  return found[1]!;
}

/** A MiAuth session approved as a person would: open the page, Accept, then check once. */
export async function miauthToken(
  server: MisskeyServer,
  permission = ['write:notes', 'write:drive', 'read:account'],
): Promise<string> {
  const session = randomUUID();
  const query = new URLSearchParams({
    name: 'Crosswind',
    callback: CALLBACK,
    permission: permission.join(','),
  });
  const page = await request(server, `/miauth/${session}?${query}`);
  const native = nativeTokenFrom(page.text);
  const granted = await api(server, 'miauth/gen-token', {
    i: native,
    session,
    name: 'Crosswind',
    permission,
  });
  if (granted.status !== 200) throw new Error(`gen-token answered ${granted.status}`);
  const checked = await request(server, `/api/miauth/${session}/check`, { method: 'POST' });
  const body = checked.body as { ok: boolean; token?: string };
  if (!body.ok || !body.token) throw new Error('the MiAuth check gave no token');
  return body.token;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A solid PNG of the given size (one IDAT, no filter), for upload tests. */
export function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', pixels),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** The `error` object of a Misskey error answer. */
export function errorOf(answer: Answer): Record<string, unknown> {
  return (answer.body as { error: Record<string, unknown> }).error;
}
