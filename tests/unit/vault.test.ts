import { describe, expect, it } from 'vitest';
import { defineCredential, defineVaultItem } from '@/utils/vault';

describe('vault', () => {
  it('keeps secrets per prefix and id, and forgets them on remove', async () => {
    const tokens = defineVaultItem<string>('test-token');
    const sessions = defineVaultItem<{ refreshJwt: string }>('test-session');
    await tokens.set('a', 'secret-a');
    await sessions.set('a', { refreshJwt: 'r' });
    expect(await tokens.get('a')).toBe('secret-a');
    expect(await sessions.get('a')).toEqual({ refreshJwt: 'r' });
    expect(await tokens.get('b')).toBeUndefined();
    await tokens.remove('a');
    expect(await tokens.get('a')).toBeUndefined();
    expect(await sessions.get('a')).toEqual({ refreshJwt: 'r' });
  });

  it('keeps secrets out of extension storage, where content scripts could read them', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    await defineVaultItem<string>('test-token').set('x', 'very-secret');
    const everything = JSON.stringify(await fakeBrowser.storage.local.get());
    expect(everything).not.toContain('very-secret');
  });
});

describe('credentials bound to their server', () => {
  const alice = { id: 'acct', server: 'https://social.example', handle: 'alice' };

  it('hands a credential out only for the server that issued it', async () => {
    const tokens = defineCredential<string>('bound-token');
    await tokens.save('acct', 'https://social.example/', 'secret');
    expect(await tokens.forAccount(alice)).toEqual({
      origin: 'https://social.example',
      secret: 'secret',
    });
    // Same server, written differently: still the same origin.
    expect(await tokens.forAccount({ ...alice, server: 'https://SOCIAL.example:443/x' })).toEqual({
      origin: 'https://social.example',
      secret: 'secret',
    });
    for (const server of ['https://evil.example', 'http://social.example', 'not a url']) {
      await expect(tokens.forAccount({ ...alice, server })).rejects.toMatchObject({
        kind: 'auth',
        message: expect.stringContaining('reconnect the account'),
      });
    }
    // Where it came from stays known, to revoke it there.
    expect(await tokens.peek('acct')).toEqual({
      origin: 'https://social.example',
      secret: 'secret',
    });
    await tokens.remove('acct');
    expect(await tokens.forAccount(alice)).toBeUndefined();
  });

  it('never keeps a credential for a plain http server elsewhere than this computer', async () => {
    const tokens = defineCredential<string>('bound-token');
    await expect(tokens.save('acct', 'http://social.example', 'secret')).rejects.toMatchObject({
      kind: 'validation',
    });
    await tokens.save('local', 'http://127.0.0.1:4000', 'secret');
    expect(await tokens.peek('local')).toEqual({
      origin: 'http://127.0.0.1:4000',
      secret: 'secret',
    });
  });
});
