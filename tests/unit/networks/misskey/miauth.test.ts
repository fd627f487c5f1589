import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CrosswindError } from '@/utils/errors';
import {
  MIAUTH_PERMISSIONS,
  assertCallback,
  checkMiAuth,
  miauthUrl,
} from '@/utils/networks/misskey/miauth';
import { startMisskeyServer, type MisskeyServer } from '../../../servers/misskey';

const CALLBACK = 'https://extension-id.chromiumapp.org/';
let server: MisskeyServer;

beforeEach(async () => {
  server = await startMisskeyServer({ autoApprove: true });
});

afterEach(() => server.close());

describe('MiAuth', () => {
  it('builds the consent page address with name, icon, callback and permissions', () => {
    const url = new URL(
      miauthUrl('https://misskey.io', 'abc-123', {
        name: 'Crosswind',
        icon: 'https://crosswind.example/icon.png',
        callback: CALLBACK,
      }),
    );
    expect(url.origin + url.pathname).toBe('https://misskey.io/miauth/abc-123');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      name: 'Crosswind',
      icon: 'https://crosswind.example/icon.png',
      callback: CALLBACK,
      permission: 'write:notes,write:drive,read:account',
    });
    expect(MIAUTH_PERMISSIONS).toEqual(['write:notes', 'write:drive', 'read:account']);
  });

  it('gets the token once after approval, and says plainly when it cannot', async () => {
    const session = randomUUID();
    const before = await checkMiAuth(server.url, session).catch((error: unknown) => error);
    expect(before).toBeInstanceOf(CrosswindError);
    expect((before as CrosswindError).message).toMatch(/not approved.*Start the sign-in again/);

    const page = await fetch(
      miauthUrl(server.url, session, { name: 'Crosswind', callback: CALLBACK }),
      {
        redirect: 'manual',
      },
    );
    const location = page.headers.get('location') ?? '';
    expect(location).toBe(`${CALLBACK}?session=${session}`);
    assertCallback(location, session, '127.0.0.1');
    expect(() => assertCallback(`${CALLBACK}?session=other`, session, 'x')).toThrow(
      /different sign-in/,
    );

    const grant = await checkMiAuth(server.url, session);
    expect(grant.user).toMatchObject({ username: 'alice', name: 'Alice Sandbox' });
    expect(server.state.tokens[0]).toMatchObject({
      token: grant.token,
      permission: ['write:notes', 'write:drive', 'read:account'],
      name: 'Crosswind',
    });
    const again = await checkMiAuth(server.url, session).catch((error: unknown) => error);
    expect((again as CrosswindError).kind).toBe('auth');
    expect((again as CrosswindError).message).toMatch(/one-time answer was already used/);
  });

  it('reports an unreachable server as a network error', async () => {
    const origin = server.url;
    await server.close();
    const error = await checkMiAuth(origin, randomUUID()).catch((reason: unknown) => reason);
    expect((error as CrosswindError).kind).toBe('network');
  });
});
