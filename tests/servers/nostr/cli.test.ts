import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rawClient } from './testing';

interface Ready {
  relays: string[];
  blossom: string;
  bunker?: { uri: string; userPubkey: string };
}

/** Starts the CLI with a piped stdin and waits for its JSON line. */
async function startCli(args: string[]): Promise<{ child: ChildProcess; ready: Ready }> {
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
  const child = spawn(tsx, [cli, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('error', reject);
  });
  return { child, ready: JSON.parse(line) as Ready };
}

describe('Nostr servers cli', () => {
  it('starts the relays, a Blossom server and a bunker, and stops when stdin closes', async () => {
    const { child, ready } = await startCli(['--relays', '3', '--bunker']);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
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
