import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrosswindError } from '@/utils/errors';
import { OTP_REQUIRED } from '@/utils/networks/peertube/errors';
import { apiFor, sessions } from '@/utils/networks/peertube/session';
import { settingsOf } from '@/utils/networks/peertube/settings';
import { connectPeerTube } from '@/utils/networks/peertube/sign-in';
import { peertubeAdapter } from '@/utils/networks/peertube/adapter';
import { startPeerTubeServer, type PeerTubeServer } from '../../../servers/peertube';

let server: PeerTubeServer;

beforeEach(async () => {
  server = await startPeerTubeServer({
    users: [
      {
        username: 'alice',
        password: 'alice-password',
        displayName: 'Alice',
        videoQuota: 10_000,
        channels: [
          { name: 'alice_channel', displayName: 'Alice’s channel' },
          { name: 'cats', displayName: 'Cats' },
        ],
      },
      { username: 'bob', password: 'bob-password', otp: '424242' },
    ],
  });
});

afterEach(() => server.close());

async function failure(promise: Promise<unknown>): Promise<CrosswindError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CrosswindError);
  return error as CrosswindError;
}

describe('PeerTube sign-in', () => {
  it('signs in with the password grant and keeps the tokens, never the password', async () => {
    const account = await connectPeerTube({
      server: server.url,
      username: 'alice',
      password: 'alice-password',
    });
    expect(account).toMatchObject({
      id: `peertube:${new URL(server.url).host}:1`,
      network: 'peertube',
      handle: 'alice',
      displayName: 'Alice',
      limits: {
        videoQuotaLeft: 10_000,
        supportedMimeTypes: ['video/mp4', 'video/ogg', 'video/webm'],
      },
    });
    const stored = await sessions.peek(account.id);
    expect(stored?.origin).toBe(server.url);
    expect(JSON.stringify(stored)).not.toContain('alice-password');
    expect(stored?.secret.accessToken).toBe(server.state.tokens[0]?.accessToken);
    expect(await settingsOf(account.id)).toMatchObject({
      channelId: 1,
      channels: [
        { id: 1, name: 'alice_channel' },
        { id: 2, name: 'cats' },
      ],
      categories: { '15': 'Science & Technology' },
    });
  });

  it('asks for the two-factor code, says when it is wrong, and signs in with the right one', async () => {
    const fields = { server: server.url, username: 'bob', password: 'bob-password' };
    const missing = await failure(connectPeerTube(fields));
    expect(missing).toMatchObject({ kind: 'auth', detail: OTP_REQUIRED });
    expect(missing.message).toContain('two-factor');
    const wrong = await failure(connectPeerTube({ ...fields, otp: '111111' }));
    expect(wrong).toMatchObject({ kind: 'auth', detail: OTP_REQUIRED });
    expect(wrong.message).toContain('not right');
    const account = await connectPeerTube({ ...fields, otp: '424242' });
    expect(account.handle).toBe('bob');
  });

  it('says plainly when the password is wrong', async () => {
    const error = await failure(
      connectPeerTube({ server: server.url, username: 'alice', password: 'nope' }),
    );
    expect(error.kind).toBe('auth');
    expect(error.message).toBe(
      `${new URL(server.url).host} did not accept this username and password.`,
    );
  });

  it('refreshes an expired access token with the refresh token, once for callers at the same time', async () => {
    const account = await connectPeerTube({
      server: server.url,
      username: 'alice',
      password: 'alice-password',
    });
    server.control.expireAccessTokens();
    const before = server.state.tokens.length;
    const api = await apiFor(account);
    const [a, b] = await Promise.all([api.json('/api/v1/users/me'), api.json('/api/v1/users/me')]);
    expect(a).toMatchObject({ username: 'alice' });
    expect(b).toMatchObject({ username: 'alice' });
    expect(server.state.tokens.length).toBe(before + 1);
    expect((await sessions.peek(account.id))?.secret.accessToken).toBe(
      server.state.tokens.at(-1)?.accessToken,
    );
  });

  it('asks for a reconnect when the refresh token no longer works', async () => {
    const account = await connectPeerTube({
      server: server.url,
      username: 'alice',
      password: 'alice-password',
    });
    server.control.revokeTokens('alice');
    const error = await failure(peertubeAdapter.refresh(account));
    expect(error.kind).toBe('auth');
  });

  it('reads the quota left on refresh, and forgets everything on disconnect', async () => {
    const account = await connectPeerTube({
      server: server.url,
      username: 'alice',
      password: 'alice-password',
    });
    server.control.setQuota('alice', 4000);
    expect((await peertubeAdapter.refresh(account)).limits.videoQuotaLeft).toBe(4000);
    const moved = { ...account, server: 'https://elsewhere.example' };
    expect(await peertubeAdapter.issuer?.(moved)).toBe(new URL(server.url).origin);
    await peertubeAdapter.disconnect(account);
    expect(await peertubeAdapter.issuer?.(account)).toBeUndefined();
    expect(await sessions.peek(account.id)).toBeUndefined();
    expect(await settingsOf(account.id)).toBeUndefined();
    expect(server.state.tokens.every((token) => token.revoked)).toBe(true);
  });
});
