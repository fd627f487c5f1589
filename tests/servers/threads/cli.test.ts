import { describe, expect, it } from 'vitest';
import { startCli } from '../shared/cli-testing';

interface Ready {
  url: string;
  appId: string;
  appSecret: string;
}

const CLI = new URL('./cli.ts', import.meta.url);

describe('Threads server cli', () => {
  it('prints its address and app as JSON, listens on loopback, and stops when stdin closes', async () => {
    const { child, ready, exited } = await startCli<Ready>(CLI, [
      '--redirect-uri',
      'https://x.chromiumapp.org/',
    ]);
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
