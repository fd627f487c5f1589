import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidPng } from '../../servers/mastodon/images.ts';
import { fetchImage } from '@/utils/capture/fetch-image';
import { fetchPageMetadata, MAX_PAGE_BYTES } from '@/utils/capture/fetch-page';

/** How long the slow test site takes to answer; a timeout must end the read well before. */
const SLOW_ANSWER_MS = 5_000;
const png = solidPng(40, 30, [200, 30, 30]);
const ogPage = `<!doctype html><html><head>
<title>Fallback title</title>
<meta property="og:title" content="A <b>bold</b>   claim">
<meta property="og:description" content="What the page is about.">
<meta property="og:image" content="/card.png">
<meta property="og:image:alt" content="A red square">
</head><body><p>Body text</p></body></html>`;
// "Café naïve" in windows-1252 (é is E9, ï EF), which is not valid UTF-8. Node 20's TextDecoder
// decodes windows-1252 as Latin-1 (0x96 comes out as U+0096, not "–"; browsers get it right), so
// the test keeps to bytes both agree on.
const cafe = Buffer.from('Café naïve', 'latin1');

/** Bytes the endless page had sent when the client hung up. */
let endlessSent = 0;
let endlessClosed: Promise<void> = Promise.resolve();

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/og': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(ogPage);
  },
  '/cp1252-header': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
    res.end(Buffer.concat([Buffer.from('<head><title>'), cafe, Buffer.from('</title></head>')]));
  },
  '/cp1252-meta': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(
      Buffer.concat([
        Buffer.from(
          '<head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
        ),
        Buffer.from('<meta property="og:title" content="'),
        cafe,
        Buffer.from('"></head>'),
      ]),
    );
  },
  '/moved': (_req, res) => {
    res.writeHead(302, { location: '/og' });
    res.end();
  },
  '/missing': (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/html' });
    res.end('<title>Not found</title>');
  },
  '/broken': (_req, res) => {
    res.writeHead(503);
    res.end();
  },
  '/report.pdf': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/pdf' });
    res.end('%PDF-1.7');
  },
  '/slow': (_req, res) => {
    const timer = setTimeout(() => res.end('<title>Too late</title>'), SLOW_ANSWER_MS);
    res.on('close', () => clearTimeout(timer));
  },
  '/endless': (_req, res) => {
    // A head with the metadata, then a body that never ends: only the reader's cap stops it.
    res.writeHead(200, { 'content-type': 'text/html' });
    res.write('<head><meta property="og:title" content="Huge page"></head><body>');
    const chunk = Buffer.alloc(64 * 1024, 'x');
    endlessSent = 0;
    endlessClosed = new Promise((resolve) => res.on('close', resolve));
    const pump = () => {
      while (!res.destroyed && endlessSent < 200 * 1024 * 1024) {
        endlessSent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  },
  '/card.png': (_req, res) => {
    // A wrong type on purpose: the bytes decide.
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(png);
  },
  '/fake.png': (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end('<html>Sorry, hotlinking is not allowed</html>');
  },
  '/big-declared.png': (_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length) });
    res.end(png);
  },
  '/big-streamed.png': (_req, res) => {
    // No Content-Length: only counting the bytes can tell.
    res.writeHead(200, { 'content-type': 'image/png' });
    res.write(png.subarray(0, 100));
    res.end(png.subarray(100));
  },
};

let server: Server;
let origin: string;
let host: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) route(req, res);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchPageMetadata', () => {
  it('reads og: tags, cleaned, with the image resolved against the page', async () => {
    expect(await fetchPageMetadata(`${origin}/og`)).toEqual({
      url: `${origin}/og`,
      title: 'A bold claim',
      description: 'What the page is about.',
      image: `${origin}/card.png`,
      imageAlt: 'A red square',
    });
  });

  it('decodes windows-1252 named by the Content-Type header', async () => {
    const metadata = await fetchPageMetadata(`${origin}/cp1252-header`);
    expect(metadata.title).toBe('Café naïve');
  });

  it('decodes the charset a <meta> names when the header does not', async () => {
    const metadata = await fetchPageMetadata(`${origin}/cp1252-meta`);
    expect(metadata.title).toBe('Café naïve');
  });

  it('follows redirects and describes the page it landed on', async () => {
    const metadata = await fetchPageMetadata(`${origin}/moved`);
    expect(metadata).toMatchObject({ url: `${origin}/og`, title: 'A bold claim' });
  });

  it('names the host and the status of an error answer', async () => {
    await expect(fetchPageMetadata(`${origin}/missing`)).rejects.toMatchObject({
      kind: 'validation',
      status: 404,
      message: `${host} has no page at that address (error 404).`,
    });
    await expect(fetchPageMetadata(`${origin}/broken`)).rejects.toMatchObject({
      kind: 'server',
      status: 503,
      message: `${host} had a problem (error 503). Try again in a moment.`,
    });
  });

  it('refuses what is not a web page without reading it', async () => {
    await expect(fetchPageMetadata(`${origin}/report.pdf`)).rejects.toMatchObject({
      kind: 'validation',
      message: `The link to ${host} is not a web page (it is application/pdf).`,
    });
  });

  it('gives up on a slow site with a clear message', async () => {
    const started = performance.now();
    await expect(fetchPageMetadata(`${origin}/slow`, { timeoutMs: 200 })).rejects.toMatchObject({
      kind: 'network',
      retryable: true,
      message: `${host} did not answer in time.`,
    });
    // Gave up before the site answered, rather than waiting for it.
    expect(performance.now() - started).toBeLessThan(SLOW_ANSWER_MS);
  });

  it('stops downloading an endless page and still reads its head', async () => {
    const metadata = await fetchPageMetadata(`${origin}/endless`);
    expect(metadata.title).toBe('Huge page');
    await endlessClosed;
    // The cap plus whatever was in flight in the socket buffers when the reader let go.
    expect(endlessSent).toBeGreaterThanOrEqual(MAX_PAGE_BYTES);
    expect(endlessSent).toBeLessThan(16 * MAX_PAGE_BYTES);
  });

  it('refuses javascript: and data: links without fetching', async () => {
    let fetched = 0;
    const fetchImpl: typeof fetch = async () => {
      fetched += 1;
      return new Response('');
    };
    for (const url of ['javascript:alert(1)', 'data:text/html,<title>x</title>', 'file:///etc']) {
      await expect(fetchPageMetadata(url, { fetchImpl })).rejects.toMatchObject({
        kind: 'validation',
        message: 'That page address is not an http or https link.',
      });
    }
    expect(fetched).toBe(0);
  });

  it('sends no cookies, follows redirects, and times out even when the fetch ignores its signal', async () => {
    let init: RequestInit | undefined;
    const fetchImpl: typeof fetch = (_input, given) => {
      init = given;
      return new Promise<Response>(() => {});
    };
    await expect(
      fetchPageMetadata('https://stuck.example/a', { fetchImpl, timeoutMs: 50 }),
    ).rejects.toMatchObject({ kind: 'network', message: 'stuck.example did not answer in time.' });
    expect(init).toMatchObject({ credentials: 'omit', redirect: 'follow' });
  });

  it('reports the caller’s own abort as a cancel, not as a slow site', async () => {
    const controller = new AbortController();
    const pending = fetchPageMetadata(`${origin}/slow`, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('explains an unreachable host', async () => {
    // A port that was just free and is closed again: the connection is refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchPageMetadata(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({
      kind: 'network',
      message: `Could not reach 127.0.0.1:${port}. Check the address and your connection.`,
    });
  });
});

describe('fetchImage', () => {
  it('returns the picture typed by its bytes, whatever the server called it', async () => {
    const blob = await fetchImage(`${origin}/card.png`);
    expect(blob.type).toBe('image/png');
    expect(Buffer.from(await blob.arrayBuffer()).equals(png)).toBe(true);
  });

  it('refuses bytes that are not a picture', async () => {
    await expect(fetchImage(`${origin}/fake.png`)).rejects.toMatchObject({
      kind: 'validation',
      message: `What ${host} sent is not an image: it is text.`,
    });
  });

  it('refuses an image over the size cap, declared or counted', async () => {
    const maxBytes = png.length - 1;
    const message = `The image at ${host} is larger than ${maxBytes} bytes.`;
    await expect(fetchImage(`${origin}/big-declared.png`, { maxBytes })).rejects.toMatchObject({
      kind: 'validation',
      message,
    });
    await expect(fetchImage(`${origin}/big-streamed.png`, { maxBytes })).rejects.toMatchObject({
      kind: 'validation',
      message,
    });
    expect((await fetchImage(`${origin}/big-streamed.png`, { maxBytes: png.length })).size).toBe(
      png.length,
    );
  });

  it('names the host of a missing image', async () => {
    await expect(fetchImage(`${origin}/nothing.png`)).rejects.toMatchObject({
      kind: 'validation',
      status: 404,
      message: `${host} has no image at that address (error 404).`,
    });
  });
});
