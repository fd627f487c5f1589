import { describe, expect, it } from 'vitest';
import { signIn, startServer } from './testing';

async function client(url: string) {
  return (await (await fetch(`${url}/api/v1/oauth-clients/local`)).json()) as {
    client_id: string;
    client_secret: string;
  };
}

function tokenRequest(
  url: string,
  body: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return fetch(`${url}/api/v1/users/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body),
  });
}

describe('PeerTube test server: login', () => {
  it('gives the local client, then tokens for the password grant', async () => {
    const server = await startServer();
    const ids = await client(server.url);
    expect(ids.client_id).toMatch(/^[0-9a-f]{32}$/);
    const response = await tokenRequest(server.url, {
      ...ids,
      grant_type: 'password',
      username: 'alice',
      password: 'alice-password',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 86_400,
      refresh_token_expires_in: 1_209_600,
    });
    expect(body.access_token).toMatch(/^[0-9a-f]{40}$/);
  });

  it('answers invalid_grant as a problem document for a wrong password', async () => {
    const server = await startServer();
    const response = await tokenRequest(server.url, {
      ...(await client(server.url)),
      grant_type: 'password',
      username: 'alice',
      password: 'nope',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toEqual({
      type: 'https://docs.joinpeertube.org/api-rest-reference.html#section/Errors/invalid_grant',
      title: 'Bad Request',
      status: 400,
      detail: 'Invalid grant: user credentials are invalid',
      code: 'invalid_grant',
    });
  });

  it('asks for the two-factor code, refuses a wrong one and takes the right one', async () => {
    const server = await startServer({
      users: [{ username: 'alice', password: 'pw-alice', otp: '123456' }],
    });
    const ids = await client(server.url);
    const form = { ...ids, grant_type: 'password', username: 'alice', password: 'pw-alice' };
    const missing = await tokenRequest(server.url, form);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('x-peertube-otp')).toBe('required; app');
    expect(await missing.json()).toMatchObject({
      code: 'missing_two_factor',
      detail: 'Missing two factor header',
    });
    const wrong = await tokenRequest(server.url, form, { 'x-peertube-otp': '000000' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: 'invalid_two_factor' });
    const right = await tokenRequest(server.url, form, { 'x-peertube-otp': '123456' });
    expect(right.status).toBe(200);
  });

  it('refreshes once: the new pair works, the old refresh token is spent', async () => {
    const server = await startServer();
    const ids = await client(server.url);
    const { access, refresh } = await signIn(server);
    const refreshed = await tokenRequest(server.url, {
      ...ids,
      grant_type: 'refresh_token',
      refresh_token: refresh,
    });
    expect(refreshed.status).toBe(200);
    const next = (await refreshed.json()) as { access_token: string };
    const again = await tokenRequest(server.url, {
      ...ids,
      grant_type: 'refresh_token',
      refresh_token: refresh,
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 'invalid_grant' });
    const old = await fetch(`${server.url}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${access}` },
    });
    expect(old.status).toBe(401);
    const fresh = await fetch(`${server.url}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${next.access_token}` },
    });
    expect(fresh.status).toBe(200);
  });

  it('answers 401 invalid_token once the access token expired', async () => {
    const server = await startServer();
    const { access } = await signIn(server);
    server.control.expireAccessTokens();
    const response = await fetch(`${server.url}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${access}` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      code: 'invalid_token',
      detail: 'Token is invalid',
    });
  });
});

describe('PeerTube test server: account, channels, config', () => {
  it('reports the user with quota, quota used and channels', async () => {
    const server = await startServer({
      users: [{ username: 'alice', password: 'pw-alice', videoQuota: 5000 }],
    });
    const { access } = await signIn(server, 'alice', 'pw-alice');
    const me = (await (
      await fetch(`${server.url}/api/v1/users/me`, {
        headers: { authorization: `Bearer ${access}` },
      })
    ).json()) as Record<string, unknown>;
    expect(me).toMatchObject({
      username: 'alice',
      videoQuota: 5000,
      videoQuotaUsed: 0,
      account: { name: 'alice' },
    });
    const channels = (await (
      await fetch(`${server.url}/api/v1/accounts/alice/video-channels`)
    ).json()) as { total: number; data: Array<{ id: number; name: string }> };
    expect(channels.total).toBe(1);
    expect(channels.data[0]).toMatchObject({ id: 1, name: 'alice_channel' });
  });

  it('serves the config and the constants, with only Retry-After exposed to other origins', async () => {
    const server = await startServer();
    const response = await fetch(`${server.url}/api/v1/config`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
    const config = (await response.json()) as { video: { file: { extensions: string[] } } };
    expect(config.video.file.extensions).toContain('.webm');
    expect(await (await fetch(`${server.url}/api/v1/videos/privacies`)).json()).toMatchObject({
      '1': 'Public',
      '3': 'Private',
    });
    expect(await (await fetch(`${server.url}/api/v1/videos/categories`)).json()).toMatchObject({
      '15': 'Science & Technology',
    });
    expect(await (await fetch(`${server.url}/api/v1/videos/languages`)).json()).toMatchObject({
      en: 'English',
    });
  });
});
