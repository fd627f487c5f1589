import { describe, expect, it } from 'vitest';
import { defineVaultItem } from '@/utils/vault';

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
