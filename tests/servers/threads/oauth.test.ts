import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_APP, startThreadsServer } from './server';
import { REDIRECT_URI, authorize, longLivedToken, type MetaErrorJson } from './testing';
import type { ThreadsServer } from './types';

let server: ThreadsServer;
beforeEach(async () => {
  server = await startThreadsServer({ users: [{ username: 'alice' }, { username: 'bob' }] });
  server.control.setTester(SANDBOX_APP.appId, 'bob', false);
});
afterEach(() => server.close());

const DAY = 24 * 3600_000;

function dialog(params: Record<string, string>): Promise<Response> {
  const query = new URLSearchParams({
    client_id: SANDBOX_APP.appId,
    redirect_uri: REDIRECT_URI,
    scope: 'threads_basic',
    response_type: 'code',
    ...params,
  });
  return fetch(`${server.url}/oauth/authorize?${query}`);
}

async function exchange(code: string, secret: string = SANDBOX_APP.secret): Promise<Response> {
  return fetch(`${server.url}/oauth/access_token`, {
    method: 'POST',
    body: new URLSearchParams({
      client_id: SANDBOX_APP.appId,
      client_secret: secret,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT_URI,
      code,
    }),
  });
}

function refresh(token: string): Promise<Response> {
  return fetch(
    `${server.url}/refresh_access_token?grant_type=th_refresh_token&access_token=${token}`,
  );
}

describe('the authorization window', () => {
  it('shows a consent page, then redirects with the code, the state and `#_`', async () => {
    server.control.addRedirectUri(SANDBOX_APP.appId, REDIRECT_URI);
    const page = await dialog({ state: 'xyz' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Allow');
    const decided = await fetch(`${server.url}/oauth/authorize/decide`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: SANDBOX_APP.appId,
        redirect_uri: REDIRECT_URI,
        scope: 'threads_basic',
        response_type: 'code',
        state: 'xyz',
        decision: 'allow',
      }),
      redirect: 'manual',
    });
    const location = decided.headers.get('location') ?? '';
    expect(location.startsWith(REDIRECT_URI)).toBe(true);
    expect(location.endsWith('#_')).toBe(true);
    const url = new URL(location);
    expect(url.searchParams.get('state')).toBe('xyz');
    expect(url.searchParams.get('code')).toMatch(/^AQ/);
  });

  it('refuses a redirect URI the app did not register, and the Facebook App ID', async () => {
    expect((await dialog({})).status).toBe(400);
    server.control.addRedirectUri(SANDBOX_APP.appId, REDIRECT_URI);
    const wrongId = await dialog({ client_id: SANDBOX_APP.facebookAppId });
    expect(await wrongId.text()).toContain('not a Threads App ID');
  });

  it('lets only the app’s Threads testers authorize', async () => {
    server.control.addRedirectUri(SANDBOX_APP.appId, REDIRECT_URI);
    server.control.setSignedInUser('bob');
    const page = await dialog({});
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('Threads Testers');
  });

  it('redirects with access_denied when the person cancels', async () => {
    server.control.addRedirectUri(SANDBOX_APP.appId, REDIRECT_URI);
    const decided = await fetch(`${server.url}/oauth/authorize/decide`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: SANDBOX_APP.appId,
        redirect_uri: REDIRECT_URI,
        scope: 'threads_basic',
        response_type: 'code',
        decision: 'cancel',
      }),
      redirect: 'manual',
    });
    expect(new URL(decided.headers.get('location') ?? '').searchParams.get('error')).toBe(
      'access_denied',
    );
  });
});

describe('the token exchanges', () => {
  it('needs the app secret for the code, and takes each code once', async () => {
    const code = await authorize(server);
    const wrong = await exchange(code, 'not-the-secret');
    expect(wrong.status).toBe(400);
    const body = (await wrong.json()) as MetaErrorJson;
    expect(body.error.type).toBe('OAuthException');
    expect(body.error.fbtrace_id).toBeTruthy();
    const right = await exchange(code);
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({
      access_token: expect.any(String),
      user_id: expect.any(Number),
    });
    const again = (await (await exchange(code)).json()) as MetaErrorJson;
    expect(again.error.error_subcode).toBe(36009);
  });

  it('needs the secret for th_exchange_token and gives 60 days', async () => {
    const code = await authorize(server);
    const short = ((await (await exchange(code)).json()) as { access_token: string }).access_token;
    const noSecret = await fetch(
      `${server.url}/access_token?grant_type=th_exchange_token&access_token=${short}`,
    );
    expect(noSecret.status).toBe(400);
    const long = await fetch(
      `${server.url}/access_token?grant_type=th_exchange_token&client_secret=${SANDBOX_APP.secret}&access_token=${short}`,
    );
    const body = (await long.json()) as { expires_in: number; token_type: string };
    expect(body.token_type).toBe('bearer');
    expect(body.expires_in).toBeGreaterThan(59 * 86_400);
    expect(body.expires_in).toBeLessThanOrEqual(60 * 86_400);
  });

  it('refreshes without a secret only once the token is 24 hours old, and not after it expired', async () => {
    const { token } = await longLivedToken(server);
    const young = (await (await refresh(token)).json()) as MetaErrorJson;
    expect(young.error.message).toContain('24 hours');
    server.control.advanceClock(DAY + 1000);
    const fresh = (await (await refresh(token)).json()) as {
      access_token: string;
      expires_in: number;
    };
    expect(fresh.access_token).not.toBe(token);
    expect(fresh.expires_in).toBeGreaterThan(59 * 86_400);
    server.control.advanceClock(61 * DAY);
    const expired = (await (await refresh(fresh.access_token)).json()) as MetaErrorJson;
    expect(expired.error.code).toBe(190);
    expect(expired.error.error_subcode).toBe(463);
  });

  it('answers /me with the profile fields asked for', async () => {
    const { token, userId } = await longLivedToken(server);
    const me = await fetch(
      `${server.url}/v1.0/me?fields=id,username,name,threads_profile_picture_url&access_token=${token}`,
    );
    expect(await me.json()).toMatchObject({ id: userId, username: 'alice', name: 'alice' });
  });
});
