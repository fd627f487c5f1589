import { describe, expect, it } from 'vitest';
import { generateSecretKey, getPublicKey, verifyEvent } from 'nostr-tools/pure';
import { attachmentFrom, uploadBlob } from '../../../../utils/networks/nostr/blossom';
import { parseImeta } from '../../../../utils/networks/nostr/imeta';
import { localKeySigner } from '../../../../utils/networks/nostr/local-key';
import { buildNote } from '../../../../utils/networks/nostr/note';
import { publishToRelays } from '../../../../utils/networks/nostr/publish';
import { sendNote } from '../../../../utils/networks/nostr/send-once';
import { blossom, nodeWebSocket, relay } from './servers';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 8, 7]);

describe('a note with text, an image and a content warning, over real servers', () => {
  it('lands on the relay verified, with the imeta of a blob the Blossom server holds', async () => {
    const [relayServer, mediaServer] = await Promise.all([relay(), blossom()]);
    const key = generateSecretKey();
    const signer = localKeySigner(key);
    const pubkey = getPublicKey(key);

    const descriptor = await uploadBlob({
      server: mediaServer.url,
      bytes: PNG,
      mimeType: 'image/png',
      signer,
      pubkey,
    });
    const image = attachmentFrom(descriptor, {
      mimeType: 'image/png',
      width: 640,
      height: 480,
      alt: 'A test card',
    });
    const { event } = await sendNote({
      record: {},
      build: () =>
        buildNote({
          text: 'Behind a warning #TestCard',
          contentWarning: 'flashing colours',
          language: 'en',
          media: [image],
          createdAt: Math.floor(Date.now() / 1000),
        }),
      signer,
      pubkey,
      relays: [relayServer.url],
      publish: (signed, relays) =>
        publishToRelays(signed, relays, { websocketImplementation: nodeWebSocket }),
      save: async () => {},
    });

    const [stored] = relayServer.events({ authors: [pubkey], kinds: [1] });
    expect(stored).toEqual(event);
    expect(verifyEvent({ ...stored! })).toBe(true);
    expect(stored!.content).toBe(`Behind a warning #TestCard\n${descriptor.url}`);
    expect(stored!.tags).toContainEqual(['t', 'testcard']);
    expect(stored!.tags).toContainEqual(['content-warning', 'flashing colours']);
    expect(stored!.tags).toContainEqual(['l', 'en', 'ISO-639-1']);
    const imeta = parseImeta(stored!.tags.find((tag) => tag[0] === 'imeta')!);
    expect(imeta).toEqual({
      url: descriptor.url,
      m: 'image/png',
      x: descriptor.sha256,
      size: String(PNG.length),
      dim: '640x480',
      alt: 'A test card',
    });
    const held = mediaServer.blobs.get(imeta.x!);
    expect(held && new Uint8Array(held.bytes)).toEqual(PNG);
  });
});
