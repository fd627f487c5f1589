import { decode, npubEncode, nsecEncode } from 'nostr-tools/nip19';
import { decrypt, encrypt } from 'nostr-tools/nip49';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { bytesToHex, hexToBytes } from 'nostr-tools/utils';
import { CrosswindError } from '../../errors';
import { invalidSecretKey, wrongPassphrase } from './errors';
import type { NostrSigner } from './signer';
import { words } from '../../i18n/wording';

// A key kept by Crosswind itself: parsed from what the user pastes, or made fresh; stored only as
// NIP-49 `ncryptsec` (scrypt + XChaCha20-Poly1305 under the user's passphrase).

/** NIP-49's recommended scrypt cost (2^16: about 64 MiB and a fraction of a second). */
export const DEFAULT_SCRYPT_LOG_N = 16;

/** Where the key came from, recorded in NIP-49's key-security byte. */
export type KeyOrigin = 'generated' | 'imported';

/** Reads `nsec1…` or 64 hex characters; throws a validation error otherwise. */
export function parseSecretKey(input: string): Uint8Array {
  const text = input.trim();
  if (/^[0-9a-f]{64}$/i.test(text)) return hexToBytes(text.toLowerCase());
  if (text.startsWith('nsec1')) {
    try {
      const decoded = decode(text);
      if (decoded.type === 'nsec') return decoded.data;
    } catch {
      // Falls through to the one error for anything unreadable.
    }
  }
  throw invalidSecretKey();
}

/** A new key for someone without one. */
export function generateKey(): Uint8Array {
  return generateSecretKey();
}

/** What to show for a backup: the nsec to store safely and the npub to share. */
export function keyBackup(secretKey: Uint8Array): { nsec: string; npub: string } {
  return { nsec: nsecEncode(secretKey), npub: npubEncode(getPublicKey(secretKey)) };
}

/** Encrypts the key for the vault with NIP-49. */
export function encryptKey(
  secretKey: Uint8Array,
  passphrase: string,
  origin: KeyOrigin,
  logN = DEFAULT_SCRYPT_LOG_N,
): string {
  if (passphrase.length === 0) {
    throw new CrosswindError('validation', words('nostr.choosePassphrase'));
  }
  // NIP-49: 0x00 = the key has been handled insecurely (it was pasted around), 0x01 = it has not.
  return encrypt(secretKey, passphrase, logN, origin === 'generated' ? 0x01 : 0x00);
}

/** Opens an `ncryptsec`; a wrong passphrase gives a validation error that says so. */
export function decryptKey(ncryptsec: string, passphrase: string): Uint8Array {
  try {
    return decrypt(ncryptsec, passphrase);
  } catch (error) {
    throw wrongPassphrase(error);
  }
}

/** Hex form, for the few places (storage.session) that hold an unlocked key as text. */
export function keyToHex(secretKey: Uint8Array): string {
  return bytesToHex(secretKey);
}

/** A signer over a key held in memory. */
export function localKeySigner(secretKey: Uint8Array): NostrSigner {
  const pubkey = getPublicKey(secretKey);
  return {
    method: 'local-key',
    getPublicKey: async () => pubkey,
    signEvent: async (template) => finalizeEvent(template, secretKey),
    close: async () => {},
  };
}
