import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { findAccount } from '@/utils/accounts';
import { CREDENTIAL_ALARM, renewDueCredentials } from '@/utils/networks/credential-upkeep';
import type { Account } from '@/utils/networks/types';
import { startThreadsServer, type ThreadsServer } from '../../../servers/threads';
import { connectThreads } from './flow';

const DAY = 86_400_000;
let server: ThreadsServer;
let account: Account;
beforeEach(async () => {
  server = await startThreadsServer();
  account = await connectThreads(server);
});
afterEach(() => server.close());

const longTokens = () => server.state.tokens.filter((token) => token.kind === 'long');

describe('keeping a Threads login alive', () => {
  it('does not refresh a fresh token, and sets the alarm for a week after it was issued', async () => {
    const now = Date.now();
    await renewDueCredentials(now);
    expect(longTokens()).toHaveLength(1);
    const alarm = await browser.alarms.get(CREDENTIAL_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(now + 7 * DAY - 60_000);
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(now + 7 * DAY + 1000);
  });

  it('refreshes a week-old token without the person, and shows the new end', async () => {
    server.control.advanceClock(8 * DAY);
    const later = Date.now() + 8 * DAY;
    await renewDueCredentials(later);
    expect(longTokens()).toHaveLength(2);
    const renewed = await findAccount(account.id);
    expect(renewed?.state).toBe('connected');
    expect(renewed?.credentialExpiresAt).toBeGreaterThan(later + 59 * DAY);
    const alarm = await browser.alarms.get(CREDENTIAL_ALARM);
    expect(alarm?.scheduledTime).toBeGreaterThan(later + 6 * DAY);
    // The renewed token is the one used from now on.
    await renewDueCredentials(later + 1000);
    expect(longTokens()).toHaveLength(2);
  });

  it('marks the account "Needs reconnecting" only when Meta refuses the refresh', async () => {
    server.control.advanceClock(8 * DAY);
    server.control.fail({ path: '/refresh_access_token', status: 500, code: 2 });
    await renewDueCredentials(Date.now() + 8 * DAY);
    expect((await findAccount(account.id))?.state).toBe('connected');
    server.control.revokeTokens();
    await renewDueCredentials(Date.now() + 8 * DAY);
    expect((await findAccount(account.id))?.state).toBe('reconnect');
  });

  it('gives up on a token past its 60 days without asking Meta', async () => {
    const before = server.state.requests.length;
    await renewDueCredentials(Date.now() + 61 * DAY);
    expect((await findAccount(account.id))?.state).toBe('reconnect');
    expect(server.state.requests.length).toBe(before);
  });
});
