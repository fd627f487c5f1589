import { describe, expect, it, vi } from 'vitest';
import { fetchPageMetadata } from '@/utils/capture/fetch-page';
import { fetchImage } from '@/utils/capture/fetch-image';
import { isPrivateHost } from '@/utils/capture/private-host';

describe('isPrivateHost', () => {
  it.each([
    'localhost',
    'LOCALHOST',
    'printer.localhost',
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '[::1]',
    '::1',
    '[fd12:3456::1]',
    '[fe80::1]',
    '[::ffff:192.168.0.1]',
    '[::ffff:a00:1]',
  ])('%s is on the user’s own machine or network', (host) => {
    expect(isPrivateHost(host)).toBe(true);
  });

  it.each([
    'example.com',
    'localhost.example.com',
    '8.8.8.8',
    '172.32.0.1',
    '172.15.255.255',
    '192.169.0.1',
    '100.128.0.1',
    '11.0.0.1',
    '1.2.3',
    '256.1.1.1',
    '[2001:db8::1]',
    '[::ffff:8.8.8.8]',
  ])('%s is not', (host) => {
    expect(isPrivateHost(host)).toBe(false);
  });
});

/** A fetch that answers 200 with `body`, claiming to come from `finalUrl` after redirects. */
function answering(finalUrl: string, body: string, type: string) {
  return vi.fn<typeof fetch>(async () => {
    const response = new Response(body, { headers: { 'content-type': type } });
    Object.defineProperty(response, 'url', { value: finalUrl });
    return response;
  });
}

describe('fetching with private hosts refused, as the real extension does', () => {
  it('refuses a private address without sending anything', async () => {
    const fetchImpl = answering('http://192.168.1.1/', '<title>Router</title>', 'text/html');
    await expect(
      fetchPageMetadata('http://192.168.1.1/', { fetchImpl, allowPrivateHosts: false }),
    ).rejects.toThrow(
      'Crosswind does not read addresses on your own computer or network (192.168.1.1).',
    );
    await expect(
      fetchImage('http://localhost:8080/cam.jpg', { fetchImpl, allowPrivateHosts: false }),
    ).rejects.toThrow('(localhost:8080)');
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('does not read a page that a public link redirected into the network', async () => {
    const fetchImpl = answering('http://10.0.0.7/admin', '<title>Admin panel</title>', 'text/html');
    await expect(
      fetchPageMetadata('https://short.example/x', { fetchImpl, allowPrivateHosts: false }),
    ).rejects.toThrow('own computer or network (short.example)');
  });

  it('reads public pages as usual', async () => {
    const fetchImpl = answering('https://news.example/a', '<title>News</title>', 'text/html');
    const meta = await fetchPageMetadata('https://news.example/a', {
      fetchImpl,
      allowPrivateHosts: false,
    });
    expect(meta.title).toBe('News');
  });
});
