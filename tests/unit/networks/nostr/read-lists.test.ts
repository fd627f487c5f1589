import { describe, expect, it } from 'vitest';
import { finalizeEvent, generateSecretKey, getPublicKey } from 'nostr-tools/pure';
import { publishToRelay } from '../../../../utils/networks/nostr/publish';
import { readMediaServers, readRelayList } from '../../../../utils/networks/nostr/read-replaceable';
import { plainEvent } from '../../../../utils/networks/nostr/signer';
import { deadRelayUrl, nodeWebSocket, relay } from './servers';

const options = { websocketImplementation: nodeWebSocket, timeoutMs: 1500 };
const now = () => Math.floor(Date.now() / 1000);

async function put(url: string, key: Uint8Array, kind: number, tags: string[][], age = 0) {
  const event = plainEvent(
    finalizeEvent({ kind, content: '', tags, created_at: now() - age }, key),
  );
  expect((await publishToRelay(event, url, options)).status).toBe('ok');
  return event;
}

describe('reading NIP-65 relay lists and BUD-03 server lists from real relays', () => {
  it('keeps the newest list among several relays, and names the relays that failed', async () => {
    const [older, newer] = await Promise.all([relay(), relay()]);
    const gone = await deadRelayUrl();
    const key = generateSecretKey();
    await put(older.url, key, 10002, [['r', 'wss://old.example']], 60);
    await put(newer.url, key, 10002, [['r', 'wss://new.example', 'write']]);
    // Someone else's list must not be taken for the user's.
    await put(older.url, generateSecretKey(), 10002, [['r', 'wss://stranger.example']]);

    const result = await readRelayList(getPublicKey(key), [older.url, newer.url, gone], options);
    expect(result.value).toMatchObject({ read: [], write: ['wss://new.example'] });
    expect(result.failedRelays).toEqual([{ relay: gone, reason: expect.any(String) }]);
  });

  it('finds nothing when no relay has a list, within the time limit', async () => {
    const server = await relay();
    const result = await readRelayList(getPublicKey(generateSecretKey()), [server.url], options);
    expect(result).toEqual({ value: undefined, failedRelays: [] });
  });

  it('reads the media servers in their order', async () => {
    const server = await relay();
    const key = generateSecretKey();
    await put(server.url, key, 10063, [
      ['server', 'https://cdn.first.example'],
      ['server', 'https://cdn.second.example/'],
    ]);
    const result = await readMediaServers(getPublicKey(key), [server.url], options);
    expect(result.value).toEqual(['https://cdn.first.example', 'https://cdn.second.example']);
  });
});
