import { describe, expect, it } from 'vitest';
import { solidPng } from './images';
import {
  authorizeQuery,
  call,
  pkce,
  REDIRECT_URI,
  registerApp,
  startServer,
  submitConsent,
  upload,
  userGrant,
  userToken,
} from './testing';
import type { MastodonServer } from './index';

async function photo(server: MastodonServer, token: string): Promise<string> {
  const answer = await call(server, 'POST', '/api/v2/media', {
    token,
    multipart: upload(solidPng(8, 8, [200, 10, 10]), 'image/png', { description: 'red' }),
  });
  return (answer.body as { id: string }).id;
}

describe('nodeinfo', () => {
  it.each([
    ['mastodon', undefined],
    ['pixelfed', 'pixelfed'],
    ['gotosocial', 'gotosocial'],
  ] as const)('names the software of the %s flavor', async (name, flavor) => {
    const server = await startServer(flavor ? { flavor } : {});
    const index = await call(server, 'GET', '/.well-known/nodeinfo');
    const link = (index.body as { links: Array<{ rel: string; href: string }> }).links[0];
    expect(link?.rel).toBe('http://nodeinfo.diaspora.software/ns/schema/2.0');
    const document = await fetch(link?.href ?? '').then((response) => response.json());
    expect(document).toMatchObject({ version: '2.0', software: { name } });
  });
});

describe('the pixelfed flavor', () => {
  it('knows only the coarse scopes: granular ones are invalid_scope', async () => {
    const server = await startServer({ flavor: 'pixelfed' });
    const refused = await call(server, 'POST', '/api/v1/apps', {
      json: {
        client_name: 'Crosswind',
        redirect_uris: REDIRECT_URI,
        scopes: 'write:statuses write:media read:accounts',
      },
    });
    expect(refused.status).toBe(422);
    const app = await registerApp(server, { scopes: 'read write' });
    const authorize = await call(
      server,
      'GET',
      `/oauth/authorize?${new URLSearchParams(authorizeQuery(app, { scope: 'write:statuses' }))}`,
    );
    expect(authorize.headers.get('location')).toContain('error=invalid_scope');
  });

  it('refuses a top-level post without a photo, but takes a text-only reply', async () => {
    const server = await startServer({ flavor: 'pixelfed' });
    const token = await userToken(server);
    const bare = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'Just words' },
    });
    expect(bare.status).toBe(403);
    expect(bare.body).toEqual({ message: 'Empty statuses are not allowed' });
    const first = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'A photo', media_ids: [await photo(server, token)] },
    });
    expect(first.status).toBe(200);
    const reply = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'And words', in_reply_to_id: (first.body as { id: string }).id },
    });
    expect(reply.status).toBe(200);
  });

  it('answers a repeated Idempotency-Key with 400 and posts nothing more', async () => {
    const server = await startServer({ flavor: 'pixelfed' });
    const token = await userToken(server);
    const media = await photo(server, token);
    const send = () =>
      call(server, 'POST', '/api/v1/statuses', {
        token,
        json: { status: 'Once', media_ids: [media] },
        headers: { 'idempotency-key': 'key-1' },
      });
    expect((await send()).status).toBe(200);
    const again = await send();
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ message: 'Duplicate idempotency key.' });
    expect(server.state.statuses).toHaveLength(1);
  });

  it('refuses direct visibility and keeps a warning only on a sensitive post', async () => {
    const server = await startServer({ flavor: 'pixelfed' });
    const token = await userToken(server);
    const direct = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'Hi', visibility: 'direct', media_ids: [await photo(server, token)] },
    });
    expect(direct.status).toBe(422);
    await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'a', spoiler_text: 'cw', media_ids: [await photo(server, token)] },
    });
    await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: {
        status: 'b',
        spoiler_text: 'cw',
        sensitive: true,
        media_ids: [await photo(server, token)],
      },
    });
    expect(server.state.statuses.map((status) => status.spoilerText)).toEqual(['', 'cw']);
  });

  it('issues expiring tokens with a refresh token that is traded once for a new pair', async () => {
    const server = await startServer({ flavor: 'pixelfed' });
    const app = await registerApp(server, { scopes: 'read write' });
    const { verifier, challenge } = pkce();
    const redirect = await submitConsent(
      server,
      authorizeQuery(app, { code_challenge: challenge, code_challenge_method: 'S256' }),
      'authorize',
    );
    const granted = await call(server, 'POST', '/oauth/token', {
      form: {
        grant_type: 'authorization_code',
        code: redirect.searchParams.get('code') ?? '',
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: REDIRECT_URI,
        code_verifier: verifier,
      },
    });
    const pair = granted.body as {
      access_token: string;
      refresh_token: string;
      expires_in: number;
    };
    expect(pair.expires_in).toBeGreaterThan(0);
    expect(server.control.expireTokens('alice')).toBe(1);
    const expired = await call(server, 'GET', '/api/v1/accounts/verify_credentials', {
      token: pair.access_token,
    });
    expect(expired.status).toBe(401);
    const refresh = () =>
      call(server, 'POST', '/oauth/token', {
        form: {
          grant_type: 'refresh_token',
          refresh_token: pair.refresh_token,
          client_id: app.client_id,
          client_secret: app.client_secret,
        },
      });
    const renewed = await refresh();
    expect(renewed.status).toBe(200);
    const next = (renewed.body as { access_token: string }).access_token;
    const works = await call(server, 'GET', '/api/v1/accounts/verify_credentials', {
      token: next,
    });
    expect(works.status).toBe(200);
    expect((await refresh()).status).toBe(400);
  });

  it('ignores scheduled_at and posts at once', async () => {
    const server = await startServer({ flavor: 'pixelfed' });
    const token = await userToken(server);
    const answer = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: {
        status: 'Now',
        media_ids: [await photo(server, token)],
        scheduled_at: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    expect(answer.status).toBe(200);
    expect(server.state.scheduledStatuses).toHaveLength(0);
    expect(server.state.statuses).toHaveLength(1);
  });
});

describe('the gotosocial flavor', () => {
  it('ignores Idempotency-Key: a repeat posts twice', async () => {
    const server = await startServer({ flavor: 'gotosocial' });
    const { token } = await userGrant(server);
    for (let i = 0; i < 2; i += 1) {
      await call(server, 'POST', '/api/v1/statuses', {
        token,
        json: { status: 'Twice' },
        headers: { 'idempotency-key': 'same' },
      });
    }
    expect(server.state.statuses).toHaveLength(2);
  });

  it('counts code points of text and warning, links in full, and answers 400', async () => {
    const server = await startServer({ flavor: 'gotosocial', maxCharacters: 30 });
    const token = await userToken(server);
    const link = `https://example.com/${'a'.repeat(20)}`;
    const answer = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: link, spoiler_text: 'cw' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error:
        'Bad Request: status too long, 42 characters provided (including spoiler/content warning) but limit is 30',
    });
  });

  it('lists mutuals_only among its visibilities and has no scheduling', async () => {
    const server = await startServer({ flavor: 'gotosocial' });
    const token = await userToken(server);
    const mutuals = await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'Friends', visibility: 'mutuals_only' },
    });
    expect(mutuals.status).toBe(200);
    await call(server, 'POST', '/api/v1/statuses', {
      token,
      json: { status: 'Later', scheduled_at: new Date(Date.now() + 3_600_000).toISOString() },
    });
    expect(server.state.scheduledStatuses).toHaveLength(0);
    expect(server.state.statuses).toHaveLength(2);
  });
});

describe('GET /api/v1/accounts/:id/statuses', () => {
  it('lists the account’s statuses newest first, up to limit', async () => {
    const server = await startServer();
    const token = await userToken(server);
    for (const text of ['one', 'two', 'three']) {
      await call(server, 'POST', '/api/v1/statuses', { token, json: { status: text } });
    }
    const id = server.state.accounts[0]?.id ?? '';
    const answer = await call(server, 'GET', `/api/v1/accounts/${id}/statuses?limit=2`, { token });
    expect((answer.body as Array<{ content: string }>).map((status) => status.content)).toEqual([
      '<p>three</p>',
      '<p>two</p>',
    ]);
  });
});
