import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_APP } from './server';
import type { ThreadsServer } from './types';

// Helpers for the server's own tests: walk the OAuth dialog as a browser would, and serve images.

export const REDIRECT_URI = 'https://abcdefghijklmnop.chromiumapp.org/';

export interface MetaErrorJson {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_user_msg?: string;
    fbtrace_id: string;
  };
}

/** Runs the consent page to its Allow button and answers the code it redirects to. */
export async function authorize(
  server: ThreadsServer,
  options: { state?: string; scope?: string } = {},
): Promise<string> {
  server.control.addRedirectUri(SANDBOX_APP.appId, REDIRECT_URI);
  const query = new URLSearchParams({
    client_id: SANDBOX_APP.appId,
    redirect_uri: REDIRECT_URI,
    scope:
      options.scope ??
      'threads_basic,threads_content_publish,threads_manage_replies,threads_delete',
    response_type: 'code',
    state: options.state ?? 'state-1',
  });
  const dialog = await fetch(`${server.url}/oauth/authorize?${query}`);
  if (!dialog.ok) throw new Error(`dialog answered ${dialog.status}`);
  const decided = await fetch(`${server.url}/oauth/authorize/decide`, {
    method: 'POST',
    body: new URLSearchParams([...query, ['decision', 'allow']]),
    redirect: 'manual',
  });
  const location = new URL(decided.headers.get('location') ?? '');
  return location.searchParams.get('code') ?? '';
}

/** Code → short-lived → long-lived token, as the extension does it. */
export async function longLivedToken(
  server: ThreadsServer,
): Promise<{ token: string; userId: string }> {
  const code = await authorize(server);
  const short = (await (
    await fetch(`${server.url}/oauth/access_token`, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: SANDBOX_APP.appId,
        client_secret: SANDBOX_APP.secret,
        grant_type: 'authorization_code',
        redirect_uri: REDIRECT_URI,
        code,
      }),
    })
  ).json()) as { access_token: string; user_id: number };
  const long = (await (
    await fetch(
      `${server.url}/access_token?${new URLSearchParams({ grant_type: 'th_exchange_token', client_secret: SANDBOX_APP.secret, access_token: short.access_token })}`,
    )
  ).json()) as { access_token: string };
  return { token: long.access_token, userId: String(short.user_id) };
}

/** A loopback site serving one PNG at /photo.png (and a page that is not an image at /page). */
export async function startImageSite(): Promise<{ url: string; close(): Promise<void> }> {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const server = createServer((request, response) => {
    if (request.url === '/photo.png')
      response.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else if (request.url === '/page')
      response.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
