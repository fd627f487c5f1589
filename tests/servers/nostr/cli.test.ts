import { describe, expect, it } from 'vitest';
import { startCli } from '../shared/cli-testing';
import { rawClient } from './testing';

interface Ready {
  relays: string[];
  blossom: string;
  bunker?: { uri: string; userPubkey: string };
}

const CLI = new URL('./cli.ts', import.meta.url);

describe('Nostr servers cli', () => {
  it('starts the relays, a Blossom server and a bunker, and stops when stdin closes', async () => {
    const { child, ready, exited } = await startCli<Ready>(CLI, ['--relays', '3', '--bunker']);
    try {
      expect(ready.relays).toHaveLength(3);
      for (const url of ready.relays) expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
      expect(ready.blossom).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(ready.bunker?.uri).toContain(encodeURIComponent(ready.relays[0]!));
      const client = await rawClient(ready.relays[1]!);
      client.send(['REQ', 'x', { kinds: [1] }]);
      expect(await client.next((reply) => reply[0] === 'EOSE')).toEqual(['EOSE', 'x']);
    } finally {
      child.stdin?.end();
    }
    expect(await exited).toBe(0);
    await expect(fetch(`${ready.blossom}/upload`, { method: 'OPTIONS' })).rejects.toThrow();
  });
});
