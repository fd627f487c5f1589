import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import {
  attachmentFrom,
  authorizationHeader,
  sha256Hex,
  uploadAuthorization,
  uploadBlob,
} from '../../../../utils/networks/nostr/blossom';
import { localKeySigner } from '../../../../utils/networks/nostr/local-key';
import { signChecked } from '../../../../utils/networks/nostr/signer';
import { blossom } from './servers';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 0xff, 0xd9]);
const HASH = createHash('sha256').update(JPEG).digest('hex');

/** A server that claims to hold other bytes than it was sent. */
const lying: typeof fetch = async () =>
  Response.json({ url: 'https://cdn.example/x.jpg', sha256: 'f'.repeat(64), size: 1 });

function account() {
  const key = generateSecretKey();
  return { signer: localKeySigner(key), pubkey: getPublicKey(key) };
}

describe('Blossom upload pieces', () => {
  it('hashes with Web Crypto', async () => {
    expect(await sha256Hex(JPEG)).toBe(HASH);
  });

  it('authorizes one blob, for upload, on one server, for five minutes', () => {
    expect(uploadAuthorization(HASH, 'https://CDN.example.com:8443', 1_000)).toEqual({
      kind: 24242,
      content: 'Upload image from Crosswind',
      tags: [
        ['t', 'upload'],
        ['x', HASH],
        ['server', 'cdn.example.com'],
        ['expiration', '1300'],
      ],
      created_at: 1_000,
    });
  });

  it('encodes the header as unpadded base64url JSON', async () => {
    const { signer } = account();
    const event = await signChecked(signer, {
      kind: 24242,
      content: 'Ünïcode ✓ ~~~ ???',
      tags: [],
      created_at: 1,
    });
    const header = authorizationHeader(event);
    expect(header).toMatch(/^Nostr [A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(header.slice(6), 'base64url').toString('utf8'))).toEqual(event);
  });
});

describe('uploadBlob against the Blossom test server', () => {
  it('uploads, and the descriptor points at the exact bytes', async () => {
    const server = await blossom();
    const { signer, pubkey } = account();
    const descriptor = await uploadBlob({
      server: `${server.url}/`,
      bytes: JPEG,
      mimeType: 'image/jpeg',
      signer,
      pubkey,
    });
    expect(descriptor).toMatchObject({
      url: `${server.url}/${HASH}.jpg`,
      sha256: HASH,
      size: JPEG.length,
      type: 'image/jpeg',
    });
    const served = await fetch(descriptor.url);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(JPEG);
    expect([...(server.blobs.get(HASH)?.owners ?? [])]).toEqual([pubkey]);
    expect(
      attachmentFrom(descriptor, { mimeType: 'image/jpeg', width: 2, height: 1, alt: 'dot' }),
    ).toEqual({
      url: descriptor.url,
      mimeType: 'image/jpeg',
      sha256: HASH,
      size: JPEG.length,
      width: 2,
      height: 1,
      alt: 'dot',
    });
  });

  it('gets the same address when a retry uploads the same image again', async () => {
    const server = await blossom();
    const { signer } = account();
    const upload = () =>
      uploadBlob({ server: server.url, bytes: JPEG, mimeType: 'image/jpeg', signer });
    const first = await upload();
    const again = await upload();
    expect(again.url).toBe(first.url);
    expect(server.blobs.size).toBe(1);
  });

  it.each([
    [413, 'Blob larger than 1 MiB', 'validation', false, 'The image is too large for'],
    [402, 'Subscribe for 1000 sats', 'validation', false, 'asks for payment'],
    [403, 'Pubkey not on the allow list', 'validation', false, 'did not accept the upload'],
    [503, 'Maintenance', 'server', true, 'had a problem (error 503)'],
    [429, 'Slow down', 'rate-limit', true, 'too many requests'],
  ] as const)(
    'turns %i into a %s error people can read',
    async (status, reason, kind, retryable, words) => {
      const server = await blossom();
      server.failUploads({ status, reason });
      const { signer } = account();
      const failure = uploadBlob({
        server: server.url,
        bytes: JPEG,
        mimeType: 'image/jpeg',
        signer,
      });
      await expect(failure).rejects.toMatchObject({ kind, retryable, status });
      await expect(
        uploadBlob({ server: server.url, bytes: JPEG, mimeType: 'image/jpeg', signer }),
      ).resolves.toMatchObject({ sha256: HASH });
      const message = await failure.then(
        () => '',
        (caught: unknown) => (caught as Error).message,
      );
      expect(message).toContain(words);
      if (status !== 503 && status !== 429) expect(message).toContain(reason);
    },
  );

  it('reports a server that cannot be reached as a network error naming it', async () => {
    const server = await blossom();
    await server.close();
    const { signer } = account();
    await expect(
      uploadBlob({ server: server.url, bytes: JPEG, mimeType: 'image/jpeg', signer }),
    ).rejects.toMatchObject({
      kind: 'network',
      message: `Could not reach ${new URL(server.url).host}. Check the address and your connection.`,
    });
  });

  it('refuses a descriptor for other bytes than the ones sent', async () => {
    const { signer } = account();
    await expect(
      uploadBlob({
        server: 'https://cdn.example',
        bytes: JPEG,
        mimeType: 'image/jpeg',
        signer,
        fetch: lying,
      }),
    ).rejects.toThrow('cdn.example stored something other than the image sent.');
  });
});
