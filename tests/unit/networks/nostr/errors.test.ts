import { describe, expect, it } from 'vitest';
import { CrosswindError, serializeError } from '../../../../utils/errors';
import { fromSignerError, noMediaServer } from '../../../../utils/networks/nostr/errors';

describe('remote signer failures in words', () => {
  it.each([
    [
      'nostr-tools/nip46: timeout after 60000ms waiting for "sign_event"',
      'network',
      true,
      'Your remote signer did not answer within 60 seconds. Open your signer app (or check that your bunker is online) and try again.',
    ],
    [
      'nostr-tools/nip46: failed to send "sign_event" to any relay: connection failed',
      'network',
      true,
      "Could not reach your remote signer's relays. Check your connection and try again.",
    ],
    [
      'nostr-tools/nip46: subscription to the remote signer was closed',
      'network',
      true,
      "Could not reach your remote signer's relays. Check your connection and try again.",
    ],
    [
      'Permission denied',
      'auth',
      false,
      'Your remote signer refused: Permission denied. Approve Crosswind in your signer app, or connect it again.',
    ],
  ] as const)('%s', (thrown, kind, retryable, message) => {
    expect(serializeError(fromSignerError(new Error(thrown), 60))).toMatchObject({
      kind,
      retryable,
      message,
    });
  });

  it('passes Crosswind errors through unchanged', () => {
    const original = new CrosswindError('validation', 'as it was');
    expect(fromSignerError(original, 60)).toBe(original);
  });

  it('explains a missing media server so the composer can show it per account', () => {
    expect(serializeError(noMediaServer())).toEqual({
      kind: 'validation',
      retryable: false,
      message:
        'This Nostr account has no media server. Add a Blossom server in its settings to post images.',
      wording: { key: 'nostr.noMediaServer' },
    });
  });
});
