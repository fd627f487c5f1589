import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readServerSoftware } from '@/utils/networks/mastodon/nodeinfo';

const servers: Server[] = [];
afterEach(async () => {
  const open = servers.splice(0);
  await Promise.all(
    open.map((item) => new Promise<void>((resolve) => item.close(() => resolve()))),
  );
});

/** A server answering each path with the given JSON (or 404). */
async function serve(routes: (base: string) => Record<string, unknown>): Promise<string> {
  let base = '';
  const server = createServer((req, res) => {
    const body = routes(base)[req.url ?? ''];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
    res.end(body === undefined ? '{}' : JSON.stringify(body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return base;
}

const rel = (minor: number) => `http://nodeinfo.diaspora.software/ns/schema/2.${minor}`;

describe('readServerSoftware', () => {
  it('follows the newest 2.x link and reads the software, in lower case', async () => {
    const base = await serve((origin) => ({
      '/.well-known/nodeinfo': {
        links: [
          { rel: rel(0), href: `${origin}/nodeinfo/2.0` },
          { rel: rel(1), href: `${origin}/nodeinfo/2.1` },
        ],
      },
      '/nodeinfo/2.0': { software: { name: 'old' } },
      '/nodeinfo/2.1': { software: { name: 'GoToSocial', version: '0.19.1' } },
    }));
    expect(await readServerSoftware(base)).toEqual({ name: 'gotosocial', version: '0.19.1' });
  });

  it('ignores a link to another origin, and servers without nodeinfo', async () => {
    const base = await serve(() => ({
      '/.well-known/nodeinfo': { links: [{ rel: rel(0), href: 'http://10.0.0.1/nodeinfo' }] },
    }));
    expect(await readServerSoftware(base)).toBeUndefined();
    const bare = await serve(() => ({}));
    expect(await readServerSoftware(bare)).toBeUndefined();
  });

  it('falls back to the instance API where nodeinfo cannot be read', async () => {
    const forked = await serve(() => ({
      '/api/v2/instance': { version: '3.5.3 (compatible; Pixelfed 0.12.5)' },
    }));
    expect(await readServerSoftware(forked)).toEqual({ name: 'pixelfed', version: '0.12.5' });
    const sourced = await serve(() => ({
      '/api/v1/instance': {
        version: '0.19.1+git-0d7fe1e',
        source_url: 'https://github.com/superseriousbusiness/gotosocial',
      },
    }));
    expect(await readServerSoftware(sourced)).toEqual({ name: 'gotosocial', version: '0.19.1' });
  });
});
