import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { call, registerApp, startServer, userToken } from './testing';

const ISO_MICRO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;

describe('injected faults', () => {
  it('fails the next N matching requests, then is healthy again', async () => {
    const server = await startServer();
    const token = await userToken(server);
    server.control.fail({ status: 500, times: 2, path: '/api/v1/statuses', method: 'POST' });
    const post = () => call(server, 'POST', '/api/v1/statuses', { token, json: { status: 'hi' } });

    // Other paths and methods are untouched.
    expect((await call(server, 'GET', '/api/v1/instance')).status).toBe(200);
    const first = await post();
    expect(first.status).toBe(500);
    expect(first.body).toEqual({ status: 500, error: 'Internal Server Error' });
    expect((await post()).status).toBe(500);
    expect((await post()).status).toBe(200);
    expect(server.state.statuses).toHaveLength(1);
  });

  it('answers 503 with the temporary-problem body', async () => {
    const server = await startServer();
    server.control.fail({ status: 503, times: 1 });
    const answer = await call(server, 'GET', '/api/v2/instance');
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({
      error: 'There was a temporary problem serving your request, please try again',
    });
  });

  it('answers 429 with the rate-limit headers and Retry-After', async () => {
    const server = await startServer();
    server.control.fail({ status: 429, times: 1, path: '/api/v1/statuses', retryAfterSeconds: 30 });
    const before = Date.now();
    const answer = await call(server, 'POST', '/api/v1/statuses', { json: { status: 'x' } });
    expect(answer.status).toBe(429);
    expect(answer.body).toEqual({ error: 'Too many requests' });
    expect(answer.headers.get('retry-after')).toBe('30');
    expect(answer.headers.get('x-ratelimit-limit')).toBe('300');
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('0');
    const reset = answer.headers.get('x-ratelimit-reset') ?? '';
    expect(reset).toMatch(ISO_MICRO);
    expect(Date.parse(reset) - before).toBeGreaterThanOrEqual(29_000);
    expect(Date.parse(reset) - before).toBeLessThanOrEqual(31_000);
  });

  it('slows responses with delay, and reset clears faults', async () => {
    const server = await startServer();
    server.control.delay({ ms: 150, path: '/api/v1/instance', times: 1 });
    server.control.fail({ status: 502, times: 5 });
    server.control.reset();
    const started = Date.now();
    expect((await call(server, 'GET', '/api/v1/instance')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(150);

    server.control.delay({ ms: 150, path: '/api/v1/instance', times: 1 });
    const slowStart = Date.now();
    expect((await call(server, 'GET', '/api/v1/instance')).status).toBe(200);
    expect(Date.now() - slowStart).toBeGreaterThanOrEqual(140);
  });
});

describe('rate limits', () => {
  it('counts requests per token: 300 per five minutes, then 429', { timeout: 30_000 }, async () => {
    // Windows are fixed five-minute slots; start well inside one so the count cannot roll over.
    const intoWindow = Date.now() % 300_000;
    if (intoWindow > 290_000)
      await new Promise((resolve) => setTimeout(resolve, 300_500 - intoWindow));
    const server = await startServer();
    const token = await userToken(server);
    let last = await call(server, 'GET', '/api/v1/accounts/verify_credentials', { token });
    expect(last.headers.get('x-ratelimit-limit')).toBe('300');
    expect(last.headers.get('x-ratelimit-remaining')).toBe('299');
    expect(last.headers.get('x-ratelimit-reset')).toMatch(ISO_MICRO);
    for (let index = 1; index < 300; index += 1) {
      last = await call(server, 'GET', '/api/v1/accounts/verify_credentials', { token });
    }
    expect(last.status).toBe(200);
    expect(last.headers.get('x-ratelimit-remaining')).toBe('0');
    const over = await call(server, 'GET', '/api/v1/accounts/verify_credentials', { token });
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ error: 'Too many requests' });

    // Anonymous requests are not counted against the token.
    expect((await call(server, 'GET', '/api/v1/instance')).status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers preflights for the API and adds the headers to answers', async () => {
    const server = await startServer();
    const preflight = await call(server, 'OPTIONS', '/api/v1/statuses', {
      headers: {
        origin: 'chrome-extension://abcdef',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe(
      'POST, PUT, DELETE, GET, PATCH, OPTIONS',
    );
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'authorization,content-type,idempotency-key',
    );
    expect(preflight.headers.get('access-control-expose-headers')).toBe(
      'Link, X-RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-Request-Id, Idempotency-Key',
    );

    const token = await call(server, 'OPTIONS', '/oauth/token', {
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    });
    expect(token.headers.get('access-control-allow-origin')).toBe('*');

    const simple = await call(server, 'GET', '/api/v1/instance', {
      headers: { origin: 'https://app.example' },
    });
    expect(simple.headers.get('access-control-allow-origin')).toBe('*');
    expect(simple.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const page = await call(server, 'GET', '/about', {
      headers: { origin: 'https://app.example' },
    });
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('instance information', () => {
  it('serves v2 and v1 with the configured limits', async () => {
    const server = await startServer({
      maxCharacters: 1000,
      maxMediaAttachments: 6,
      charactersReservedPerUrl: 30,
      title: 'Test Town',
    });
    const v2 = await call(server, 'GET', '/api/v2/instance');
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({
      domain: new URL(server.url).host,
      title: 'Test Town',
      version: '4.4.0',
      source_url: 'https://github.com/mastodon/mastodon',
      languages: ['en'],
      configuration: {
        statuses: {
          max_characters: 1000,
          max_media_attachments: 6,
          characters_reserved_per_url: 30,
        },
        media_attachments: {
          image_size_limit: 16777216,
          image_matrix_limit: 33177600,
          video_size_limit: 103809024,
          description_limit: 1500,
          supported_mime_types: expect.arrayContaining(['image/png', 'image/jpeg', 'video/mp4']),
        },
      },
      registrations: { enabled: false },
      contact: { account: { username: 'alice' } },
    });
    const v1 = await call(server, 'GET', '/api/v1/instance');
    expect(v1.body).toMatchObject({
      uri: new URL(server.url).host,
      title: 'Test Town',
      version: '4.4.0',
      configuration: { statuses: { max_characters: 1000 } },
    });
    expect(v1.body).not.toHaveProperty('max_toot_chars');
  });

  it('answers 404 on v2 when switched off, like servers before 4.0', async () => {
    const server = await startServer({ instanceV2: false });
    const v2 = await call(server, 'GET', '/api/v2/instance');
    expect(v2.status).toBe(404);
    expect(v2.body).toEqual({ error: 'Not Found' });
    expect((await call(server, 'GET', '/api/v1/instance')).status).toBe(200);
  });

  it('answers unknown routes with JSON under /api and HTML elsewhere', async () => {
    const server = await startServer();
    const api = await call(server, 'GET', '/api/v1/nothing/here');
    expect(api.status).toBe(404);
    expect(api.body).toEqual({ error: 'Not Found' });
    const page = await call(server, 'GET', '/nothing');
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});

describe('control endpoints over HTTP', () => {
  it('drive faults and show what happened', async () => {
    const server = await startServer();
    const token = await userToken(server);
    const fail = await call(server, 'POST', '/__control/fail', {
      json: { status: 502, times: 1, path: '/api/v1/statuses' },
    });
    expect(fail.status).toBe(200);
    const failed = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'retry me' },
      headers: { 'Idempotency-Key': 'abc' },
    });
    expect(failed.status).toBe(502);
    const posted = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'retry me', spoiler_text: 'cw', language: 'de' },
      headers: { 'Idempotency-Key': 'abc' },
    });
    expect(posted.status).toBe(200);

    const statuses = await call(server, 'GET', '/__control/statuses');
    expect(statuses.body).toEqual([
      {
        id: (posted.body as { id: string }).id,
        username: 'alice',
        text: 'retry me',
        spoilerText: 'cw',
        sensitive: true,
        visibility: 'public',
        language: 'de',
        inReplyToId: null,
        media: [],
        mediaIds: [],
        application: 'Crosswind',
        idempotencyKey: 'abc',
        createdAt: expect.any(String),
        deletedAt: null,
      },
    ]);

    const requests = (await call(server, 'GET', '/__control/requests')).body as {
      method: string;
      path: string;
      status: number;
      idempotencyKey: string | null;
    }[];
    expect(requests.filter((request) => request.path === '/api/v1/statuses')).toEqual([
      {
        method: 'POST',
        path: '/api/v1/statuses',
        status: 502,
        idempotencyKey: 'abc',
        time: expect.any(String),
      },
      {
        method: 'POST',
        path: '/api/v1/statuses',
        status: 200,
        idempotencyKey: 'abc',
        time: expect.any(String),
      },
    ]);
    expect(requests.some((request) => request.path.startsWith('/__control'))).toBe(false);

    const apps = await call(server, 'GET', '/__control/apps');
    expect(apps.body).toMatchObject([{ name: 'Crosswind', scopes: ['read', 'write'] }]);
    const tokens = await call(server, 'GET', '/__control/tokens');
    expect(tokens.body).toMatchObject([{ token, username: 'alice', revoked: false }]);

    const revoke = await call(server, 'POST', '/__control/revoke', { json: { username: 'alice' } });
    expect(revoke.body).toEqual({ revoked: 1 });
    const after = await call(server, 'GET', '/api/v1/accounts/verify_credentials', { token });
    expect(after.status).toBe(401);

    expect((await call(server, 'POST', '/__control/reset')).status).toBe(200);
    const bad = await call(server, 'POST', '/__control/fail', { json: { status: 418, times: 1 } });
    expect(bad.status).toBe(400);
  });

  it('switches the signed-in user', async () => {
    const server = await startServer({
      users: [
        { username: 'alice', displayName: 'Alice' },
        { username: 'carol', displayName: 'Carol' },
      ],
    });
    const answer = await call(server, 'POST', '/__control/signed-in-user', {
      json: { username: 'carol' },
    });
    expect(answer.status).toBe(200);
    const app = await registerApp(server);
    const page = await call(
      server,
      'GET',
      `/oauth/authorize?response_type=code&client_id=${app.client_id}&redirect_uri=${encodeURIComponent('https://extension-id.chromiumapp.org/')}&scope=read`,
    );
    expect(page.text).toContain('your account @carol');
  });
});

/** Starts the CLI with a piped stdin and waits for its JSON line. */
async function startCli(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
  const child = spawn(tsx, [cli, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('error', reject);
  });
  return { child, url: (JSON.parse(line) as { url: string }).url };
}

describe('cli', () => {
  it('prints its URL as one JSON line and stops on SIGTERM', async () => {
    const { child, url } = await startCli(['--max-characters', '777', '--user', 'dora:Dora D']);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const instance = (await (await fetch(`${url}/api/v2/instance`)).json()) as {
        configuration: { statuses: { max_characters: number } };
        contact: { account: { username: string } };
      };
      expect(instance.configuration.statuses.max_characters).toBe(777);
      expect(instance.contact.account.username).toBe('dora');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('stops by itself when its parent closes stdin', async () => {
    const { child, url } = await startCli([]);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.stdin?.end();
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/api/v1/instance`)).rejects.toThrow();
  });
});
