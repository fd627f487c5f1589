import { describe, expect, it } from 'vitest';
import { failingCli, startCli } from './cli-testing';

// The servers whose CLI has no test of its own; Nostr's and Threads' are tested beside them.
const SERVERS = [
  {
    name: 'Mastodon',
    cli: new URL('../mastodon/cli.ts', import.meta.url),
    probe: '/api/v2/instance',
  },
  { name: 'Misskey', cli: new URL('../misskey/cli.ts', import.meta.url), probe: '/nodeinfo/2.1' },
  {
    name: 'PeerTube',
    cli: new URL('../peertube/cli.ts', import.meta.url),
    probe: '/api/v1/oauth-clients/local',
  },
];

describe.each(SERVERS)('the $name server’s CLI', ({ cli, probe }) => {
  it('prints its address as JSON, listens on loopback, and stops when stdin closes', async () => {
    const { child, ready, exited } = await startCli<{ url: string }>(cli);
    try {
      expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${ready.url}${probe}`)).status).toBe(200);
    } finally {
      child.stdin?.end();
    }
    expect(await exited).toBe(0);
    await expect(fetch(`${ready.url}${probe}`)).rejects.toThrow();
  });

  it('refuses an option that makes no sense with its message and the usage', async () => {
    const { code, stderr } = await failingCli(cli, ['--port', 'many']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/port/);
    expect(stderr).toMatch(/^Usage: /m);
  });
});
