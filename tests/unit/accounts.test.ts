import { describe, expect, it } from 'vitest';
import { listAccounts, patchAccount, upsertAccount } from '@/utils/accounts';
import { testAccount } from './test-accounts';

// U+202E turns the rest of a line around; U+2066…2069 isolate and reorder runs of it.
const RLO = '\u202E';

describe('accounts as servers describe them', () => {
  it('keeps no bidi overrides, controls or markup in names a server sent', async () => {
    await upsertAccount(
      testAccount('m', 'mastodon', {
        handle: `alice${RLO}`,
        displayName: `<b>Alice</b> ${RLO}nimda\u2066\u0007`,
        webUrl: 'javascript:alert(1)',
        avatarUrl: 'https://server.example/a.png',
      }),
    );
    const [stored] = await listAccounts();
    expect(stored).toMatchObject({
      handle: 'alice',
      displayName: 'Alice nimda',
      avatarUrl: 'https://server.example/a.png',
    });
    expect(stored).not.toHaveProperty('webUrl');
  });

  it('cleans what a refresh brings in too', async () => {
    await upsertAccount(testAccount('b', 'bluesky'));
    await patchAccount('b', (account) => {
      Object.assign(account, { displayName: `Bob\u2067 ${RLO}`, handle: `bob.test\u2069` });
    });
    const [stored] = await listAccounts();
    expect(stored).toMatchObject({ handle: 'bob.test', displayName: 'Bob' });
  });

  it('falls back to the handle when nothing of the name is left', async () => {
    await upsertAccount(testAccount('c', 'bluesky', { handle: 'carol.test', displayName: RLO }));
    const [stored] = await listAccounts();
    expect(stored?.displayName).toBe('carol.test');
  });
});
