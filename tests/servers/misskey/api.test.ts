import { describe, expect, it } from 'vitest';
import { api, errorOf, miauthToken, request, startServer } from './testing';

describe('meta and nodeinfo', () => {
  it('publishes the limits a client must respect', async () => {
    const server = await startServer({ maxFileSize: 10_000_000, driveCapacityMb: 50 });
    const answer = await api(server, 'meta');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      version: '2025.3.1',
      uri: server.url,
      maxNoteTextLength: 3000,
      maxFileSize: 10_000_000,
      policies: { driveCapacityMb: 50 },
      features: { miauth: true },
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('cache-control')).toBe('private, max-age=0, must-revalidate');
    const viaGet = await request(server, '/api/meta?detail=false');
    expect(viaGet.status).toBe(200);
    expect(viaGet.body).not.toHaveProperty('features');
  });

  it('names its software in nodeinfo', async () => {
    const server = await startServer({ software: 'sharkey', version: '2025.4.3' });
    const links = await request(server, '/.well-known/nodeinfo');
    const href = (links.body as { links: Array<{ rel: string; href: string }> }).links[0]!.href;
    expect(href).toBe(`${server.url}/nodeinfo/2.1`);
    const info = await request(server, '/nodeinfo/2.1');
    expect(info.body).toMatchObject({
      version: '2.1',
      software: { name: 'sharkey', version: '2025.4.3' },
      metadata: { maxNoteTextLength: 3000 },
    });
  });
});

describe('errors as ApiCallService sends them', () => {
  it('asks for a credential with a Bearer challenge', async () => {
    const server = await startServer();
    const answer = await api(server, 'notes/create', { text: 'hi' });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="Misskey"');
    expect(errorOf(answer)).toEqual({
      message: 'Credential required.',
      code: 'CREDENTIAL_REQUIRED',
      id: '1384574d-a912-4b81-8601-c7b1c4085df1',
      kind: 'client',
    });
  });

  it('refuses an unknown token with AUTHENTICATION_FAILED', async () => {
    const server = await startServer();
    const answer = await api(server, 'notes/create', { text: 'hi' }, 'not-a-token');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(errorOf(answer)).toMatchObject({ code: 'AUTHENTICATION_FAILED', kind: 'client' });
  });

  it('refuses an app without the permission with PERMISSION_DENIED', async () => {
    const server = await startServer();
    const token = await miauthToken(server, ['read:account']);
    const answer = await api(server, 'notes/create', { text: 'hi' }, token);
    expect(answer.status).toBe(403);
    expect(answer.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(errorOf(answer)).toMatchObject({ code: 'PERMISSION_DENIED', kind: 'permission' });
  });

  it('refuses a suspended account', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    server.control.suspend('alice');
    const answer = await api(server, 'notes/create', { text: 'hi' }, token);
    expect(answer.status).toBe(403);
    expect(errorOf(answer)).toMatchObject({ code: 'YOUR_ACCOUNT_SUSPENDED', kind: 'permission' });
  });

  it('answers unknown endpoints and GETs on POST-only endpoints as Misskey does', async () => {
    const server = await startServer();
    const unknown = await request(server, '/api/no/such/thing');
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown)).toMatchObject({ code: 'UNKNOWN_API_ENDPOINT' });
    const get = await request(server, '/api/notes/create');
    expect(get.status).toBe(405);
  });

  it('takes the token as `i` in the body too', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    const answer = await api(server, 'i', { i: token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ username: 'alice', policies: { driveCapacityMb: 100 } });
  });

  it('answers a preflight with 204 allowing what the browser asks', async () => {
    const server = await startServer();
    const answer = await request(server, '/api/notes/create', {
      method: 'OPTIONS',
      headers: {
        origin: 'chrome-extension://abc',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
    expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('rate limits', () => {
  it('answers 429 RATE_LIMIT_EXCEEDED with Retry-After and the limiter info', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    server.control.setRateLimit('notes/create', { duration: 60_000, max: 2 });
    for (const text of ['one', 'two']) {
      expect((await api(server, 'notes/create', { text }, token)).status).toBe(200);
    }
    const before = Date.now();
    const refused = await api(server, 'notes/create', { text: 'three' }, token);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('x-ratelimit-remaining')).toBeNull();
    const error = errorOf(refused);
    expect(error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', kind: 'client' });
    const info = error.info as { remaining: number; resetMs: number; reset: number; total: number };
    expect(info).toMatchObject({ remaining: 0, total: 2 });
    expect(info.resetMs).toBeGreaterThan(before);
    expect(info.reset).toBe(Math.ceil(info.resetMs / 1000));
    expect(server.state.notes.map((note) => note.text)).toEqual(['one', 'two']);
  });

  it('keeps notes/delete at least a second apart', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    const ids: string[] = [];
    for (const text of ['a', 'b']) {
      const created = await api(server, 'notes/create', { text }, token);
      ids.push((created.body as { createdNote: { id: string } }).createdNote.id);
    }
    expect((await api(server, 'notes/delete', { noteId: ids[0] }, token)).status).toBe(204);
    const tooSoon = await api(server, 'notes/delete', { noteId: ids[1] }, token);
    expect(tooSoon.status).toBe(429);
    expect(errorOf(tooSoon)).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
  });
});
