import { describe, expect, it, onTestFinished } from 'vitest';
import { generateSecretKey, getPublicKey, verifyEvent } from 'nostr-tools/pure';
import {
  connectBunker,
  parseBunkerUri,
  resumeBunker,
  startNostrConnect,
} from '../../../../utils/networks/nostr/bunker';
import { signChecked } from '../../../../utils/networks/nostr/signer';
import { waitUntil } from '../../../servers/nostr/testing';
import { bunker, nodeWebSocket, relay } from './servers';

const options = { websocketImplementation: nodeWebSocket, timeoutMs: 3000 };
const template = () => ({
  kind: 1,
  content: 'signed by my phone',
  tags: [],
  created_at: Math.floor(Date.now() / 1000),
});

async function setup() {
  const server = await relay();
  const userKey = generateSecretKey();
  const signerApp = await bunker({ relays: [server.url], userSecretKey: userKey });
  return { server, signerApp, userPubkey: getPublicKey(userKey) };
}

describe('parseBunkerUri', () => {
  it('reads the signer key, relays (normalized, each once) and secret', () => {
    const key = 'AB'.repeat(32);
    expect(
      parseBunkerUri(
        `bunker://${key}?relay=wss%3A%2F%2Frelay.example%2F&relay=relay.example&secret=s3`,
      ),
    ).toEqual({ pubkey: key.toLowerCase(), relays: ['wss://relay.example'], secret: 's3' });
  });

  it.each(['nostrconnect://abc', `bunker://${'a'.repeat(64)}`, 'bunker://short?relay=wss://r'])(
    'refuses %j with words about where the address comes from',
    (input) => {
      expect(() => parseBunkerUri(input)).toThrow(/starts with "bunker:\/\/"/);
    },
  );
});

describe('remote signer (NIP-46) against the test bunker', () => {
  it('connects with bunker://, learns the user key (not the signer app key) and signs', async () => {
    const { signerApp, userPubkey } = await setup();
    const { session, signer } = await connectBunker(signerApp.uri, options);
    onTestFinished(() => signer.close());
    expect(session).toEqual({
      clientSecretKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      remoteSignerPubkey: signerApp.signerPubkey,
      relays: [expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+$/)],
      userPubkey,
    });
    expect(await signer.getPublicKey()).toBe(userPubkey);
    const signed = await signChecked(signer, template(), userPubkey);
    expect(verifyEvent({ ...signed })).toBe(true);
    expect(signer.method).toBe('bunker');
  });

  it('signs again from the stored session alone, without asking for approval again', async () => {
    const { signerApp, userPubkey } = await setup();
    const first = await connectBunker(signerApp.uri, options);
    await first.signer.close();
    // A new service worker: only the vault's session is left.
    const resumed = resumeBunker(JSON.parse(JSON.stringify(first.session)), options);
    onTestFinished(() => resumed.close());
    const signed = await signChecked(resumed, template(), userPubkey);
    expect(signed.pubkey).toBe(userPubkey);
    expect(signerApp.requests().filter((request) => request.method === 'connect')).toHaveLength(1);
  });

  it('turns a refusal in the signer app into an auth error with its reason', async () => {
    const { signerApp } = await setup();
    const { signer } = await connectBunker(signerApp.uri, options);
    onTestFinished(() => signer.close());
    signerApp.refuseSigning('user rejected the request');
    await expect(signer.signEvent(template())).rejects.toMatchObject({
      kind: 'auth',
      message:
        'Your remote signer refused: user rejected the request. Approve Crosswind in your signer app, or connect it again.',
    });
  });

  it('turns silence into a retryable network error that says what to do', async () => {
    const { signerApp } = await setup();
    const { signer } = await connectBunker(signerApp.uri, { ...options, timeoutMs: 2000 });
    onTestFinished(() => signer.close());
    signerApp.pause(true);
    await expect(signer.signEvent(template())).rejects.toMatchObject({
      kind: 'network',
      retryable: true,
      message: expect.stringContaining('did not answer within 2 seconds'),
    });
  });

  it('reports a wrong secret as an auth error', async () => {
    const { signerApp } = await setup();
    const wrong = signerApp.uri.replace(/secret=[^&]+/, 'secret=guessed');
    await expect(connectBunker(wrong, options)).rejects.toMatchObject({ kind: 'auth' });
  });

  it('connects the other way round: a nostrconnect:// code the signer app approves', async () => {
    const { server, signerApp, userPubkey } = await setup();
    const pending = startNostrConnect([server.url], options);
    const clientPubkey = new URL(pending.uri).hostname;
    expect(pending.uri).toMatch(/^nostrconnect:\/\/[0-9a-f]{64}\?/);
    expect(new URL(pending.uri).searchParams.get('perms')).toContain('sign_event:1');
    await waitUntil(() =>
      server.subscriptions().some((filter) => filter['#p']?.includes(clientPubkey)),
    );
    await signerApp.approve(pending.uri);
    const { session, signer } = await pending.approved;
    onTestFinished(() => signer.close());
    expect(session.userPubkey).toBe(userPubkey);
    expect(session.remoteSignerPubkey).toBe(signerApp.signerPubkey);
    expect((await signChecked(signer, template(), userPubkey)).pubkey).toBe(userPubkey);
  });

  it('gives up on a nostrconnect:// code nobody approves', async () => {
    const server = await relay();
    const pending = startNostrConnect([server.url], { ...options, waitMs: 300 });
    await expect(pending.approved).rejects.toMatchObject({
      kind: 'cancelled',
      message: 'No signer app approved the connection in time. Start again to get a new code.',
    });
  });
});
