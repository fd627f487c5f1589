import { describe, expect, it, vi } from 'vitest';
import { api, errorOf, miauthToken, request, startServer } from './testing';

async function controlPost(url: string, action: string, body: unknown) {
  const response = await fetch(`${url}/__control/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('fault switches', () => {
  it('fails the next requests with Misskey or proxy answers, as many times as asked', async () => {
    const server = await startServer();
    server.control.fail({ status: 500, path: '/api/meta', times: 1 });
    server.control.fail({ status: 503, path: '/api/meta', times: 1 });
    const internal = await api(server, 'meta');
    expect(internal.status).toBe(500);
    expect(errorOf(internal)).toMatchObject({ code: 'INTERNAL_ERROR', kind: 'server' });
    const proxy = await api(server, 'meta');
    expect(proxy.status).toBe(503);
    expect(proxy.headers.get('content-type')).toContain('text/html');
    expect((await api(server, 'meta')).status).toBe(200);
  });

  it('answers a forced 429 with Retry-After', async () => {
    const server = await startServer();
    server.control.fail({ status: 429, path: '/api/notes/create' });
    const token = await miauthToken(server);
    const answer = await api(server, 'notes/create', { text: 'x' }, token);
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(errorOf(answer)).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
  });

  it('stores the note but drops the answer of notes/create', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    server.control.dropAnswer({ path: '/api/notes/create' });
    await expect(api(server, 'notes/create', { text: 'lost answer' }, token)).rejects.toThrow();
    expect(server.state.notes.map((note) => note.text)).toEqual(['lost answer']);
    expect(server.state.requests.at(-1)).toMatchObject({
      path: '/api/notes/create',
      status: 200,
      dropped: true,
    });
    const next = await api(server, 'notes/create', { text: 'answered' }, token);
    expect(next.status).toBe(200);
  });

  it('slows requests down', async () => {
    const server = await startServer();
    server.control.delay({ ms: 150, path: '/api/meta', times: 1 });
    const started = performance.now();
    await api(server, 'meta');
    const slow = performance.now() - started;
    const again = performance.now();
    await api(server, 'meta');
    const fast = performance.now() - again;
    expect(slow).toBeGreaterThanOrEqual(150);
    expect(fast).toBeLessThan(slow);
  });

  it('lists a held request as arrived before it is answered', async () => {
    const server = await startServer();
    server.control.delay({ ms: 300, path: '/api/meta', times: 1 });
    const answered = api(server, 'meta');
    await vi.waitFor(() => expect(server.state.arrivals).toHaveLength(1));
    expect(server.state.arrivals).toEqual([{ method: 'POST', path: '/api/meta' }]);
    expect(server.state.requests).toHaveLength(0);
    await answered;
    expect(server.state.requests).toHaveLength(1);
  });

  it('revokes tokens, which then fail with AUTHENTICATION_FAILED', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    expect(server.control.revokeTokens('alice')).toBe(1);
    const answer = await api(server, 'i', {}, token);
    expect(answer.status).toBe(401);
    expect(errorOf(answer)).toMatchObject({ code: 'AUTHENTICATION_FAILED' });
  });
});

describe('the control API over HTTP', () => {
  it('sets faults and shows what the server holds', async () => {
    const server = await startServer();
    const token = await miauthToken(server);
    expect(
      (await controlPost(server.url, 'drop-answer', { path: '/api/notes/create' })).status,
    ).toBe(200);
    await expect(api(server, 'notes/create', { text: 'via control' }, token)).rejects.toThrow();
    const notes = await request(server, '/__control/notes');
    expect(notes.body).toMatchObject([
      { text: 'via control', username: 'alice', app: 'Crosswind' },
    ]);
    const tokens = await request(server, '/__control/tokens');
    expect(tokens.body).toMatchObject([{ username: 'alice', fetched: true, name: 'Crosswind' }]);
    const bad = await controlPost(server.url, 'fail', { status: 404 });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: expect.stringContaining('status must be') });
    expect((await controlPost(server.url, 'suspend', { username: 'alice' })).status).toBe(200);
    expect(errorOf(await api(server, 'notes/create', { text: 'x' }, token))).toMatchObject({
      code: 'YOUR_ACCOUNT_SUSPENDED',
    });
  });

  it('forgets faults and changed limits on reset', async () => {
    const server = await startServer();
    server.control.fail({ status: 500, times: 5 });
    server.control.reset();
    expect((await api(server, 'meta')).status).toBe(200);
  });
});
