import { describe, expect, it } from 'vitest';
// nostr-tools' own bech32 codec (nip19 decodes only the NIP-19 prefixes, not ncryptsec).
import { bech32 } from '@scure/base';
import { nsecEncode } from 'nostr-tools/nip19';
import { getPublicKey, verifyEvent } from 'nostr-tools/pure';
import { bytesToHex } from 'nostr-tools/utils';
import {
  DEFAULT_SCRYPT_LOG_N,
  decryptKey,
  encryptKey,
  generateKey,
  keyBackup,
  localKeySigner,
  parseSecretKey,
} from '../../../../utils/networks/nostr/local-key';
import { signChecked, type NostrSigner } from '../../../../utils/networks/nostr/signer';
import { CrosswindError } from '../../../../utils/errors';

const template = { kind: 1, content: 'hi', tags: [['t', 'x']], created_at: 1_760_000_000 };

/** The bytes inside an ncryptsec. */
function ncryptsecBytes(ncryptsec: string): Uint8Array {
  return bech32.fromWords(bech32.decode(ncryptsec as `${string}1${string}`, 5000).words);
}

describe('parseSecretKey', () => {
  const key = generateKey();

  it('reads an nsec and 64 hex characters, trimmed, any case', () => {
    expect(parseSecretKey(`  ${nsecEncode(key)}\n`)).toEqual(key);
    expect(parseSecretKey(bytesToHex(key).toUpperCase())).toEqual(key);
  });

  it.each(['', 'npub1xyz', 'nsec1notvalid', 'abc', bytesToHex(generateKey()).slice(1)])(
    'refuses %j with a validation error that does not echo the input',
    (input) => {
      try {
        parseSecretKey(input);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(CrosswindError);
        expect(error).toMatchObject({ kind: 'validation' });
        if (input) expect((error as Error).message).not.toContain(input);
      }
    },
  );
});

describe('NIP-49 ncryptsec', () => {
  it('uses the recommended scrypt cost by default and records where the key came from', () => {
    const key = generateKey();
    // Layout (NIP-49): version, log_n, 16-byte salt, 24-byte nonce, key-security byte, ciphertext.
    const standard = ncryptsecBytes(encryptKey(key, 'pw', 'generated'));
    expect(standard[0]).toBe(0x02);
    expect(standard[1]).toBe(DEFAULT_SCRYPT_LOG_N);
    expect(DEFAULT_SCRYPT_LOG_N).toBe(16);
    expect(standard[42]).toBe(0x01);
    expect(ncryptsecBytes(encryptKey(key, 'pw', 'imported', 8))[42]).toBe(0x00);
  });

  it('round-trips a key under a Unicode passphrase in any normal form', () => {
    const key = generateKey();
    const ncryptsec = encryptKey(key, 'ÅΩẛ̣ passphrase', 'generated', 8);
    expect(ncryptsec).toMatch(/^ncryptsec1/);
    // NIP-49 normalizes to NFKC: the same passphrase typed in another form still opens it.
    expect(decryptKey(ncryptsec, 'ÅΩẛ̣ passphrase'.normalize('NFD'))).toEqual(key);
  });

  it('says so when the passphrase is wrong', () => {
    const ncryptsec = encryptKey(generateKey(), 'right', 'imported', 8);
    expect(() => decryptKey(ncryptsec, 'wrong')).toThrow(
      'That passphrase does not unlock this key. Try again.',
    );
  });

  it('refuses an empty passphrase', () => {
    expect(() => encryptKey(generateKey(), '', 'generated', 8)).toThrow(/Choose a passphrase/);
  });
});

describe('signers', () => {
  it('signs with a local key, checked', async () => {
    const key = generateKey();
    const signer = localKeySigner(key);
    const signed = await signChecked(signer, template, getPublicKey(key));
    expect(verifyEvent({ ...signed })).toBe(true);
    expect(Object.keys(signed).sort()).toEqual(
      ['content', 'created_at', 'id', 'kind', 'pubkey', 'sig', 'tags'].sort(),
    );
    expect(keyBackup(key).npub).toMatch(/^npub1/);
  });

  it('refuses a signature by another key than the account’s', async () => {
    const signer = localKeySigner(generateKey());
    await expect(signChecked(signer, template, getPublicKey(generateKey()))).rejects.toMatchObject({
      kind: 'auth',
    });
  });

  it('refuses a signer that changed what it signed, or sent a bad signature', async () => {
    const honest = localKeySigner(generateKey());
    const altering: NostrSigner = {
      ...honest,
      signEvent: (t) => honest.signEvent({ ...t, content: `${t.content} (sent from my signer)` }),
    };
    await expect(signChecked(altering, template)).rejects.toMatchObject({ kind: 'auth' });
    const forging: NostrSigner = {
      ...honest,
      signEvent: async (t) => ({ ...(await honest.signEvent(t)), sig: '00'.repeat(64) }),
    };
    await expect(signChecked(forging, template)).rejects.toThrow(/not signed by this account/);
  });
});
