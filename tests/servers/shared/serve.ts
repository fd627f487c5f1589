import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type HttpBindings } from '@hono/node-server';
import type { Hono } from 'hono';

/** The environment a test server's Hono app sees: Node's own request and response. */
export type NodeEnv = { Bindings: HttpBindings };

/** A test server listening on loopback. */
export interface LoopbackServer {
  /** `http://127.0.0.1:port`, no trailing slash. */
  url: string;
  /** `127.0.0.1:port`. */
  host: string;
  port: number;
  /** Stops listening and drops open connections (keep-alive ones too); safe to call twice. */
  close(): Promise<void>;
}

/** Serves a Hono app on 127.0.0.1 (never another interface), on `port` or any free one. */
export async function serveOnLoopback<E extends NodeEnv>(
  app: Hono<E>,
  port = 0,
): Promise<LoopbackServer> {
  let server: Server | undefined;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    // Hono's node adapter would otherwise replace the global Request and Response of the
    // process, which the code under test shares with the test servers.
    const started = serve(
      { fetch: app.fetch, port, hostname: '127.0.0.1', overrideGlobalObjects: false },
      resolve,
    ) as Server;
    started.once('error', reject);
    server = started;
  });
  const url = `http://127.0.0.1:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    url,
    host: `127.0.0.1:${address.port}`,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        if (!server) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
