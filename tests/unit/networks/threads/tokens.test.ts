import { describe, expect, it } from 'vitest';
import { DAY_MS, renewDueAt, tokenAction } from '@/utils/networks/threads/tokens';

const issuedAt = Date.UTC(2026, 0, 1);
const token = { token: 't', issuedAt, expiresAt: issuedAt + 60 * DAY_MS };

describe('when a Threads token is renewed', () => {
  it('is kept for its first day, as Meta refuses younger tokens', () => {
    expect(tokenAction(token, issuedAt + DAY_MS - 1)).toBe('keep');
  });

  it('is renewed a week after it was issued, far from the 60-day end', () => {
    expect(renewDueAt(token)).toBe(issuedAt + 7 * DAY_MS);
    expect(tokenAction(token, issuedAt + 7 * DAY_MS - 1)).toBe('keep');
    expect(tokenAction(token, issuedAt + 7 * DAY_MS)).toBe('renew');
    expect(tokenAction(token, issuedAt + 59 * DAY_MS)).toBe('renew');
  });

  it('cannot be renewed once expired', () => {
    expect(tokenAction(token, issuedAt + 60 * DAY_MS)).toBe('expired');
  });
});
