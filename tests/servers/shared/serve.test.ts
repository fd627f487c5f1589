import { request } from 'node:http';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readBodyLimited } from './body';
import { serveOnLoopback, type NodeEnv } from './serve';

function echoApp(limit: number): Hono<NodeEnv> {
  const app = new Hono<NodeEnv>();
  app.post('/echo', async (c) => {
    try {
      const body = await readBodyLimited(c.req.raw, limit);
      return c.text(`${body.length}:${c.env.incoming.socket.localAddress ?? ''}`);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return c.text('too large', 413);
      throw error;
    }
  });
  return app;
}

describe('serveOnLoopback', () => {
  it('listens on 127.0.0.1 at a free port and reads bodies up to a limit', async () => {
    const server = await serveOnLoopback(echoApp(8));
    try {
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
      const small = await fetch(`${server.url}/echo`, { method: 'POST', body: '12345678' });
      expect(await small.text()).toBe('8:127.0.0.1');
      const large = await fetch(`${server.url}/echo`, { method: 'POST', body: '123456789' });
      expect(large.status).toBe(413);
      // Chunked, without Content-Length: cut off by counting.
      const chunked = await fetch(`${server.url}/echo`, {
        method: 'POST',
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('12345'));
            controller.enqueue(new TextEncoder().encode('67890'));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
    } finally {
      await server.close();
    }
  });

  it('closes with keep-alive connections open, and twice without harm', async () => {
    const server = await serveOnLoopback(echoApp(8));
    await new Promise<void>((resolve, reject) => {
      const req = request(
        `${server.url}/echo`,
        { method: 'POST', headers: { connection: 'keep-alive' } },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      );
      req.on('error', reject);
      req.end('x');
    });
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(`${server.url}/echo`, { method: 'POST', body: 'x' })).rejects.toThrow();
  });
});
