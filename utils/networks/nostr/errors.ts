import { CrosswindError } from '../../errors';

// Nostr's failures in the kinds the rest of Crosswind acts on, in words a person can act on.
// Key material never appears in a message.

/** The pasted key is neither an nsec nor 64 hex characters. */
export function invalidSecretKey(): CrosswindError {
  return new CrosswindError(
    'validation',
    'That is not a Nostr private key. Paste the key that starts with "nsec1" (or its 64 hex characters).',
  );
}

/** The passphrase does not open the stored key (or the stored key is damaged). */
export function wrongPassphrase(cause?: unknown): CrosswindError {
  return new CrosswindError('validation', 'That passphrase does not unlock this key. Try again.', {
    cause,
  });
}

/** The text pasted as a remote signer is not a bunker:// address. */
export function invalidBunkerUri(): CrosswindError {
  return new CrosswindError(
    'validation',
    'That is not a remote signer address. It starts with "bunker://" and comes from your signer app.',
  );
}

/** The remote signer did not answer in time. */
export function signerTimeout(seconds: number, cause?: unknown): CrosswindError {
  return new CrosswindError(
    'network',
    `Your remote signer did not answer within ${seconds} seconds. Open your signer app (or check that your bunker is online) and try again.`,
    { cause },
  );
}

/** None of the signer's relays took the request. */
export function signerUnreachable(cause?: unknown): CrosswindError {
  return new CrosswindError(
    'network',
    "Could not reach your remote signer's relays. Check your connection and try again.",
    { cause },
  );
}

/** The signer answered with an error: refused, or no longer knows Crosswind. */
export function signerRefused(reason: string, cause?: unknown): CrosswindError {
  return new CrosswindError(
    'auth',
    `Your remote signer refused: ${reason}. Approve Crosswind in your signer app, or connect it again.`,
    { cause, detail: reason },
  );
}

/** The signature that came back is not valid for the event and the account's key. */
export function badSignature(): CrosswindError {
  return new CrosswindError(
    'auth',
    'The signer returned a note that is not signed by this account. Nothing was sent; connect the signer again.',
  );
}

/** Nobody approved a `nostrconnect://` code before it expired (or the user cancelled). */
export function approvalNotGiven(cause?: unknown): CrosswindError {
  return new CrosswindError(
    'cancelled',
    'No signer app approved the connection in time. Start again to get a new code.',
    { cause },
  );
}

/** No Blossom server is set for the account, so images cannot go with a Nostr note. */
export function noMediaServer(): CrosswindError {
  return new CrosswindError(
    'validation',
    'This Nostr account has no media server. Add a Blossom server in its settings to post images.',
  );
}

/** Turns what nostr-tools' NIP-46 client threw into one of the errors above. */
export function fromSignerError(error: unknown, timeoutSeconds: number): CrosswindError {
  if (error instanceof CrosswindError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/timeout/i.test(message)) return signerTimeout(timeoutSeconds, error);
  if (/failed to send|no relays|closed/i.test(message)) return signerUnreachable(error);
  return signerRefused(message.replace(/^nostr-tools\/nip46:\s*/, ''), error);
}
