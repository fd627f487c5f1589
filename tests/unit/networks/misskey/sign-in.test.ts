import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrosswindError } from '@/utils/errors';
import {
  beginMiAuth,
  cancelMiAuth,
  completeMiAuth,
  sessionOf,
} from '@/utils/networks/misskey/sign-in';
import { startMisskeyServer, type MisskeyServer } from '../../../servers/misskey';

const CALLBACK = 'https://extension-id.chromiumapp.org/';
let server: MisskeyServer;

beforeEach(async () => {
  server = await startMisskeyServer({
    software: 'sharkey',
    version: '2025.4.3',
    autoApprove: true,
    users: [{ username: 'alice', name: 'Alice Sandbox' }, { username: 'bob' }],
  });
});

afterEach(() => server.close());

/** What the browser does with the consent page: follows it to the callback. */
async function approve(authorizeUrl: string): Promise<string> {
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  return page.headers.get('location') ?? '';
}

async function failure(promise: Promise<unknown>): Promise<CrosswindError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CrosswindError);
  return error as CrosswindError;
}

describe('MiAuth sign-in', () => {
  it('opens the consent page, then gets the token, the account, the limits and the software', async () => {
    const { authorizeUrl, session } = await beginMiAuth(server.url, CALLBACK);
    expect(sessionOf(authorizeUrl)).toBe(session);
    const url = new URL(authorizeUrl);
    expect(url.searchParams.get('callback')).toBe(CALLBACK);
    expect(url.searchParams.get('name')).toBe('Crosswind');
    const result = await completeMiAuth(await approve(authorizeUrl));
    expect(result).toMatchObject({
      origin: server.url,
      user: { username: 'alice' },
      meta: { maxNoteTextLength: 3000 },
      software: { name: 'sharkey', version: '2025.4.3' },
    });
    expect(server.state.tokens[0]).toMatchObject({ token: result.token, fetched: true });
  });

  it('cannot be completed twice, nor for a session it did not start', async () => {
    const { authorizeUrl } = await beginMiAuth(server.url, CALLBACK);
    const redirect = await approve(authorizeUrl);
    await completeMiAuth(redirect);
    expect((await failure(completeMiAuth(redirect))).message).toMatch(/unknown or expired/);
    expect((await failure(completeMiAuth(`${CALLBACK}?session=made-up`))).kind).toBe('auth');
  });

  it('says which account was approved when it is not the one named', async () => {
    // As `@bob@host` reads; typed, a handle always means https, which this server does not speak.
    const host = new URL(server.url).host;
    const { authorizeUrl } = await beginMiAuth(
      { origin: server.url, host, username: 'bob' },
      CALLBACK,
    );
    const error = await failure(completeMiAuth(await approve(authorizeUrl)));
    expect(error.message).toMatch(/You approved @alice .* not @bob/);
  });

  it('refuses a server that does not speak Misskey, and forgets abandoned sign-ins', async () => {
    server.control.fail({ status: 503, path: '/api/meta' });
    const error = await failure(beginMiAuth(server.url, CALLBACK));
    expect(error.kind).toBe('unsupported');
    expect(error.message).toMatch(/does not answer as a Misskey server/);
    const { authorizeUrl, session } = await beginMiAuth(server.url, CALLBACK);
    await cancelMiAuth(session);
    expect((await failure(completeMiAuth(await approve(authorizeUrl)))).message).toMatch(
      /unknown or expired/,
    );
  });
});
