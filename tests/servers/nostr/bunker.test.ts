import { describe, expect, it, onTestFinished } from 'vitest';
import { BunkerSigner, createNostrConnectURI, parseBunkerInput } from 'nostr-tools/nip46';
import { generateSecretKey, getPublicKey, verifyEvent } from 'nostr-tools/pure';
import { startBunker, type BunkerOptions } from './bunker';
import { nodePool, startRelay, waitUntil } from './testing';

// The bunker is checked with nostr-tools' own NIP-46 client, the reference it must interoperate with.

async function setup(options: Partial<BunkerOptions> = {}) {
  const relay = await startRelay();
  const bunker = await startBunker({ relays: [relay.url], ...options });
  onTestFinished(() => bunker.close());
  return { relay, bunker };
}

async function clientFor(uri: string, timeout = 3000) {
  const pointer = await parseBunkerInput(uri);
  if (!pointer) throw new Error(`not a bunker URI: ${uri}`);
  const signer = BunkerSigner.fromBunker(generateSecretKey(), pointer, {
    pool: nodePool(),
    timeout,
  });
  onTestFinished(() => signer.close());
  return signer;
}

const template = (content: string) => ({
  kind: 1,
  content,
  tags: [['t', 'nostr']],
  created_at: Math.floor(Date.now() / 1000),
});

describe('NIP-46 test bunker', () => {
  it('gives a bunker:// URI with its relay and a secret', async () => {
    const { relay, bunker } = await setup();
    const pointer = await parseBunkerInput(bunker.uri);
    expect(pointer).toEqual({
      pubkey: bunker.signerPubkey,
      relays: [relay.url],
      secret: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(bunker.signerPubkey).not.toBe(bunker.userPubkey);
  });

  it('connects, tells the user key and signs with it', async () => {
    const userKey = generateSecretKey();
    const { bunker } = await setup({ userSecretKey: userKey });
    const client = await clientFor(bunker.uri);
    await client.connect();
    expect(await client.getPublicKey()).toBe(getPublicKey(userKey));
    const signed = await client.signEvent(template('signed far away'));
    expect(verifyEvent({ ...signed })).toBe(true);
    expect(signed.pubkey).toBe(getPublicKey(userKey));
    expect(signed.content).toBe('signed far away');
    expect(bunker.requests().map((request) => request.method)).toEqual([
      'connect',
      'get_public_key',
      'sign_event',
    ]);
  });

  it('refuses a connect with the wrong secret, and a second client with a used one', async () => {
    const { bunker } = await setup({ secret: 'only-once' });
    const wrong = await clientFor(bunker.uri.replace('only-once', 'guess'));
    await expect(wrong.connect()).rejects.toThrow('connect: invalid secret');
    const first = await clientFor(bunker.uri);
    await first.connect();
    const second = await clientFor(bunker.uri);
    await expect(second.connect()).rejects.toThrow('connect: this secret was already used');
  });

  it('does not sign for a client that never connected', async () => {
    const { bunker } = await setup();
    const client = await clientFor(bunker.uri);
    await expect(client.signEvent(template('sneaky'))).rejects.toThrow('not connected');
  });

  it('answers sign_event with the refusal a test chose', async () => {
    const { bunker } = await setup();
    const client = await clientFor(bunker.uri);
    await client.connect();
    bunker.refuseSigning('user declined');
    await expect(client.signEvent(template('no'))).rejects.toThrow('user declined');
    bunker.refuseSigning(undefined);
    await expect(client.signEvent(template('yes'))).resolves.toMatchObject({ content: 'yes' });
  });

  it('stays silent while paused, so the client times out', async () => {
    const { bunker } = await setup();
    const client = await clientFor(bunker.uri, 400);
    await client.connect();
    bunker.pause(true);
    await expect(client.signEvent(template('anyone there?'))).rejects.toThrow(/timeout/);
  });

  it('approves a nostrconnect:// URI the client shows', async () => {
    const { relay, bunker } = await setup({ secret: null });
    const clientKey = generateSecretKey();
    const uri = createNostrConnectURI({
      clientPubkey: getPublicKey(clientKey),
      relays: [relay.url],
      secret: 'shown-as-qr',
      name: 'Crosswind',
    });
    const pending = BunkerSigner.fromURI(clientKey, uri, { pool: nodePool(), timeout: 3000 }, 3000);
    // The client must be listening before the signer answers, as when a person scans the code.
    await waitUntil(() =>
      relay.subscriptions().some((filter) => filter['#p']?.includes(getPublicKey(clientKey))),
    );
    await bunker.approve(uri);
    const client = await pending;
    onTestFinished(() => client.close());
    expect(client.bp.pubkey).toBe(bunker.signerPubkey);
    expect(await client.getPublicKey()).toBe(bunker.userPubkey);
    expect(bunker.connectedClients()).toEqual([getPublicKey(clientKey)]);
  });
});
