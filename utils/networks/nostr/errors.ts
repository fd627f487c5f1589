import { CrosswindError } from '../../errors';
import { words } from '../../i18n/wording';

// Nostr's failures in the kinds the rest of Crosswind acts on, in words a person can act on.
// Key material never appears in a message.

/** The pasted key is neither an nsec nor 64 hex characters. */
export function invalidSecretKey(): CrosswindError {
  return new CrosswindError('validation', words('nostr.invalidKey'));
}

/** The passphrase does not open the stored key (or the stored key is damaged). */
export function wrongPassphrase(cause?: unknown): CrosswindError {
  return new CrosswindError('validation', words('nostr.wrongPassphrase'), {
    cause,
  });
}

/** The text pasted as a remote signer is not a bunker:// address. */
export function invalidBunkerUri(): CrosswindError {
  return new CrosswindError('validation', words('nostr.invalidBunker'));
}

/** The remote signer did not answer in time. */
export function signerTimeout(seconds: number, cause?: unknown): CrosswindError {
  return new CrosswindError('network', words('nostr.signerTimeout', { seconds }), { cause });
}

/** None of the signer's relays took the request. */
export function signerUnreachable(cause?: unknown): CrosswindError {
  return new CrosswindError('network', words('nostr.signerUnreachable'), { cause });
}

/** The signer answered with an error: refused, or no longer knows Crosswind. */
export function signerRefused(reason: string, cause?: unknown): CrosswindError {
  return new CrosswindError('auth', words('nostr.signerRefused', { reason }), {
    cause,
    detail: reason,
  });
}

/** The signature that came back is not valid for the event and the account's key. */
export function badSignature(): CrosswindError {
  return new CrosswindError('auth', words('nostr.badSignature'));
}

/** Nobody approved a `nostrconnect://` code before it expired (or the user cancelled). */
export function approvalNotGiven(cause?: unknown): CrosswindError {
  return new CrosswindError('cancelled', words('nostr.notApproved'), { cause });
}

/** No Blossom server is set for the account, so images cannot go with a Nostr note. */
export function noMediaServer(): CrosswindError {
  return new CrosswindError('validation', words('nostr.noMediaServer'));
}

/** Turns what nostr-tools' NIP-46 client threw into one of the errors above. */
export function fromSignerError(error: unknown, timeoutSeconds: number): CrosswindError {
  if (error instanceof CrosswindError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/timeout/i.test(message)) return signerTimeout(timeoutSeconds, error);
  if (/failed to send|no relays|closed/i.test(message)) return signerUnreachable(error);
  return signerRefused(message.replace(/^nostr-tools\/nip46:\s*/, ''), error);
}
