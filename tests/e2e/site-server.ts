import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { pngChunk } from '../servers/mastodon/images.ts';

const SITE_DIR = path.resolve('tests/e2e/site');

/** An opaque RGB PNG with a gradient, so it is a real picture every decoder accepts. */
export function gradientPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x += 1) {
      rows.set([(x * 255) / width, (y * 255) / height, 120], row + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const IMAGES: Record<string, Buffer> = {
  '/card.png': gradientPng(1200, 630),
  '/photo.png': gradientPng(900, 600),
};

/** A file a test adds to the site (a clip recorded in the run), by its path. */
export interface SiteFile {
  type: string;
  body: Buffer;
}

/**
 * A small web site on 127.0.0.1 with known metadata, like the pages people share from; `files`
 * adds what a test made (a recorded clip for a page's `<video>`).
 */
export async function startSite(
  files: Record<string, SiteFile> = {},
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const added = files[pathname];
    if (added) {
      response.writeHead(200, { 'content-type': added.type, 'content-length': added.body.length });
      response.end(added.body);
      return;
    }
    const image = IMAGES[pathname];
    if (image) {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': image.length });
      response.end(image);
      return;
    }
    const file = path.join(SITE_DIR, path.basename(pathname));
    readFile(file).then(
      (html) => {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(html);
      },
      () => {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('Not found');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
