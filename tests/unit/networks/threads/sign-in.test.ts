import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrosswindError } from '@/utils/errors';
import { beginThreadsSignIn, completeThreadsSignIn } from '@/utils/networks/threads/sign-in';
import { SANDBOX_APP, startThreadsServer, type ThreadsServer } from '../../../servers/threads';
import { REDIRECT_URI } from '../../../servers/threads/testing';
import { connectThreads, consent } from './flow';

let server: ThreadsServer;
beforeEach(async () => {
  server = await startThreadsServer();
  server.control.addRedirectUri(SANDBOX_APP.appId, REDIRECT_URI);
});
afterEach(() => server.close());

const fields = () => ({
  appId: SANDBOX_APP.appId,
  appSecret: SANDBOX_APP.secret,
  server: server.url,
});

describe('connecting Threads with the person’s own Meta app', () => {
  it('ends with a 60-day login, the profile, and the quota', async () => {
    const account = await connectThreads(server);
    expect(account).toMatchObject({
      id: expect.stringMatching(/^threads:\d+$/),
      network: 'threads',
      server: server.url,
      handle: 'alice',
      state: 'connected',
      quota: { used: 0, total: 250, periodSeconds: 86_400 },
      limits: { maxCharacters: 500 },
    });
    const days = ((account.credentialExpiresAt ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(59);
    expect(server.state.tokens.map((token) => token.kind)).toEqual(['short', 'long']);
  });

  it('asks Meta for exactly the scopes it needs, with a state it checks', async () => {
    const { authorizeUrl, state } = await beginThreadsSignIn(fields(), REDIRECT_URI);
    const url = new URL(authorizeUrl);
    expect(url.searchParams.get('scope')).toBe(
      'threads_basic,threads_content_publish,threads_manage_replies,threads_delete',
    );
    expect(url.searchParams.get('state')).toBe(state);
    const redirect = await consent(authorizeUrl);
    const forged = new URL(redirect);
    forged.searchParams.set('state', 'someone-else');
    await expect(completeThreadsSignIn(forged.toString())).rejects.toMatchObject({ kind: 'auth' });
  });

  it('refuses what is not an App ID or a secret before anything is sent', async () => {
    await expect(
      beginThreadsSignIn({ ...fields(), appId: 'my app' }, REDIRECT_URI),
    ).rejects.toMatchObject({
      kind: 'validation',
    });
    await expect(
      beginThreadsSignIn({ ...fields(), appSecret: 'short' }, REDIRECT_URI),
    ).rejects.toMatchObject({
      kind: 'validation',
    });
    // A secret may travel only to Meta's API or to a test server on this computer.
    await expect(
      beginThreadsSignIn({ ...fields(), server: 'https://evil.example' }, REDIRECT_URI),
    ).rejects.toMatchObject({ kind: 'validation' });
    expect(server.state.requests).toEqual([]);
  });

  it('says the secret is wrong in words that name the fix', async () => {
    const { authorizeUrl } = await beginThreadsSignIn(
      { ...fields(), appSecret: '0'.repeat(32) },
      REDIRECT_URI,
    );
    const error: unknown = await completeThreadsSignIn(await consent(authorizeUrl)).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CrosswindError);
    expect((error as CrosswindError).message).toContain('App settings');
    expect((error as CrosswindError).detail).toContain('fbtrace_id');
  });

  it('reports a cancelled consent as cancelled', async () => {
    const { authorizeUrl } = await beginThreadsSignIn(fields(), REDIRECT_URI);
    await expect(
      completeThreadsSignIn(await consent(authorizeUrl, 'cancel')),
    ).rejects.toMatchObject({
      kind: 'cancelled',
    });
  });
});
