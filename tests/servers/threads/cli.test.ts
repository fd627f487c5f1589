import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

interface Ready {
  url: string;
  appId: string;
  appSecret: string;
}

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

describe('Threads server cli', () => {
  it('prints its address and app as JSON, listens on loopback, and stops when stdin closes', async () => {
    const { child, ready } = await startCli(['--redirect-uri', 'https://x.chromiumapp.org/']);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(ready.appId).toMatch(/^\d+$/);
      const query = new URLSearchParams({
        client_id: ready.appId,
        redirect_uri: 'https://x.chromiumapp.org/',
        scope: 'threads_basic',
        response_type: 'code',
      });
      expect((await fetch(`${ready.url}/oauth/authorize?${query}`)).status).toBe(200);
    } finally {
      child.stdin?.end();
    }
    expect(await exited).toBe(0);
    await expect(fetch(`${ready.url}/oauth/authorize`)).rejects.toThrow();
  });
});
