import { createHash } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { finalizeEvent, generateSecretKey } from 'nostr-tools/pure';
import { startBlossomServer, type BlossomServerOptions } from './blossom';

// Written against BUD-01/02/11/12 by hand: tokens are built here, not by Crosswind's client.

async function startServer(options: BlossomServerOptions = {}) {
  const server = await startBlossomServer(options);
  onTestFinished(() => server.close());
  return server;
}

const now = () => Math.floor(Date.now() / 1000);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function token(
  key: Uint8Array,
  tags: string[][],
  options: { encoding?: 'base64url' | 'base64'; createdAt?: number } = {},
): string {
  const event = finalizeEvent(
    { kind: 24242, content: 'Upload Blob', tags, created_at: options.createdAt ?? now() },
    key,
  );
  return `Nostr ${Buffer.from(JSON.stringify(event)).toString(options.encoding ?? 'base64url')}`;
}

function uploadToken(key: Uint8Array, hash: string, extra: string[][] = []): string {
  return token(key, [['t', 'upload'], ['x', hash], ['expiration', String(now() + 60)], ...extra]);
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

async function put(url: string, bytes: Uint8Array<ArrayBuffer>, headers: Record<string, string>) {
  return fetch(`${url}/upload`, { method: 'PUT', body: bytes, headers });
}

describe('Blossom test server', () => {
  it('stores an authorized upload and answers 201 with a blob descriptor', async () => {
    const server = await startServer();
    const key = generateSecretKey();
    const hash = sha256(PNG);
    const response = await put(server.url, PNG, {
      authorization: uploadToken(key, hash),
      'content-type': 'image/png',
      'x-sha-256': hash,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      url: `${server.url}/${hash}.png`,
      sha256: hash,
      size: PNG.length,
      type: 'image/png',
      uploaded: expect.any(Number),
    });
    const blob = await fetch(String(body.url));
    expect(blob.status).toBe(200);
    expect(blob.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(PNG);
  });

  it('answers 200 with the same descriptor when the blob is already there', async () => {
    const server = await startServer();
    const key = generateSecretKey();
    const hash = sha256(PNG);
    const headers = { 'content-type': 'image/png', 'x-sha-256': hash };
    const first = await put(server.url, PNG, { ...headers, authorization: uploadToken(key, hash) });
    const second = await put(server.url, PNG, {
      ...headers,
      authorization: uploadToken(key, hash),
    });
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    expect(server.blobs.size).toBe(1);
  });

  it('accepts standard base64 tokens and uploads without X-SHA-256', async () => {
    const server = await startServer();
    const key = generateSecretKey();
    const hash = sha256(PNG);
    const authorization = token(
      key,
      [
        ['t', 'upload'],
        ['x', hash],
        ['expiration', String(now() + 60)],
      ],
      { encoding: 'base64' },
    );
    const response = await put(server.url, PNG, { authorization, 'content-type': 'image/png' });
    expect(response.status).toBe(201);
  });

  it.each([
    ['no Authorization header', () => ({}), 'Missing Authorization header'],
    [
      'a token for another verb',
      (key: Uint8Array, hash: string) => ({
        authorization: token(key, [
          ['t', 'delete'],
          ['x', hash],
          ['expiration', String(now() + 60)],
        ]),
      }),
      'Authorization is not for "upload"',
    ],
    [
      'an expired token',
      (key: Uint8Array, hash: string) => ({
        authorization: token(key, [
          ['t', 'upload'],
          ['x', hash],
          ['expiration', String(now() - 1)],
        ]),
      }),
      'Authorization expired',
    ],
    [
      'a token without expiration',
      (key: Uint8Array, hash: string) => ({
        authorization: token(key, [
          ['t', 'upload'],
          ['x', hash],
        ]),
      }),
      'Authorization has no expiration',
    ],
    [
      'a token for another blob',
      (key: Uint8Array) => ({ authorization: uploadToken(key, 'a'.repeat(64)) }),
      'Authorization does not name this blob',
    ],
    [
      'a token scoped to another server',
      (key: Uint8Array, hash: string) => ({
        authorization: uploadToken(key, hash, [['server', 'cdn.example.com']]),
      }),
      'Authorization is for another server',
    ],
    [
      'a token created in the future',
      (key: Uint8Array, hash: string) => ({
        authorization: token(
          key,
          [
            ['t', 'upload'],
            ['x', hash],
            ['expiration', String(now() + 600)],
          ],
          { createdAt: now() + 300 },
        ),
      }),
      'Authorization event is in the future',
    ],
  ])('refuses %s with 401 and an X-Reason', async (_name, headersFor, reason) => {
    const server = await startServer();
    const hash = sha256(PNG);
    const response = await put(server.url, PNG, {
      'content-type': 'image/png',
      ...headersFor(generateSecretKey(), hash),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-reason')).toBe(reason);
    expect(server.blobs.size).toBe(0);
  });

  it('refuses a token with a broken signature', async () => {
    const server = await startServer();
    const hash = sha256(PNG);
    const event = finalizeEvent(
      {
        kind: 24242,
        content: '',
        tags: [
          ['t', 'upload'],
          ['x', hash],
          ['expiration', String(now() + 60)],
        ],
        created_at: now(),
      },
      generateSecretKey(),
    );
    const forged = { ...event, content: 'changed' };
    const response = await put(server.url, PNG, {
      authorization: `Nostr ${Buffer.from(JSON.stringify(forged)).toString('base64url')}`,
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-reason')).toBe('Invalid signature or event id');
  });

  it('answers 409 when X-SHA-256 does not match the body', async () => {
    const server = await startServer();
    const claimed = sha256(new Uint8Array([1]));
    const response = await put(server.url, PNG, {
      authorization: uploadToken(generateSecretKey(), claimed),
      'x-sha-256': claimed,
    });
    expect(response.status).toBe(409);
  });

  it('answers 413 above the size limit and 415 for a type it does not take', async () => {
    const server = await startServer({ maxBytes: 8, acceptTypes: ['image/png'] });
    const key = generateSecretKey();
    const big = await put(server.url, PNG, { authorization: uploadToken(key, sha256(PNG)) });
    expect(big.status).toBe(413);
    const small = new Uint8Array([1, 2, 3]);
    const wrongType = await put(server.url, small, {
      authorization: uploadToken(key, sha256(small)),
      'content-type': 'application/zip',
    });
    expect(wrongType.status).toBe(415);
  });

  it('fails queued uploads with the status and reason a test chose', async () => {
    const server = await startServer();
    server.failUploads({ status: 503, reason: 'Storage is full', times: 2 });
    const key = generateSecretKey();
    const hash = sha256(PNG);
    const attempt = () => put(server.url, PNG, { authorization: uploadToken(key, hash) });
    expect((await attempt()).status).toBe(503);
    expect((await attempt()).headers.get('x-reason')).toBe('Storage is full');
    expect((await attempt()).status).toBe(201);
    expect(server.uploadAttempts()).toBe(3);
  });

  it('serves HEAD with the same headers and no body, with or without an extension', async () => {
    const server = await startServer();
    const hash = sha256(PNG);
    await put(server.url, PNG, {
      authorization: uploadToken(generateSecretKey(), hash),
      'content-type': 'image/png',
    });
    for (const path of [`/${hash}`, `/${hash}.png`, `/${hash}.pdf`]) {
      const head = await fetch(`${server.url}${path}`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-type')).toBe('image/png');
      expect(head.headers.get('content-length')).toBe(String(PNG.length));
      expect(await head.text()).toBe('');
    }
    expect((await fetch(`${server.url}/${'0'.repeat(64)}`)).status).toBe(404);
  });

  it('deletes a blob only for its uploader, with a delete token naming it', async () => {
    const server = await startServer();
    const owner = generateSecretKey();
    const hash = sha256(PNG);
    await put(server.url, PNG, { authorization: uploadToken(owner, hash) });
    const deleteToken = (key: Uint8Array) =>
      token(key, [
        ['t', 'delete'],
        ['x', hash],
        ['expiration', String(now() + 60)],
      ]);

    const stranger = await fetch(`${server.url}/${hash}`, {
      method: 'DELETE',
      headers: { authorization: deleteToken(generateSecretKey()) },
    });
    expect(stranger.status).toBe(403);
    const withUploadToken = await fetch(`${server.url}/${hash}`, {
      method: 'DELETE',
      headers: { authorization: uploadToken(owner, hash) },
    });
    expect(withUploadToken.status).toBe(401);
    const mine = await fetch(`${server.url}/${hash}`, {
      method: 'DELETE',
      headers: { authorization: deleteToken(owner) },
    });
    expect(mine.status).toBe(204);
    expect((await fetch(`${server.url}/${hash}`)).status).toBe(404);
  });

  it('answers CORS preflights as BUD-01 asks', async () => {
    const server = await startServer();
    const response = await fetch(`${server.url}/upload`, {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abc',
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization, x-sha-256, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, *');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, PUT, DELETE');
    expect(response.headers.get('access-control-max-age')).toBe('86400');
  });

  it('listens on 127.0.0.1', async () => {
    const server = await startServer();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
