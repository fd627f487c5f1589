import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request that reached the recorder. */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: string;
}

/** A server that only writes down who called it: where a leaked token or password would land. */
export interface Recorder {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * Stands in for a server an attacker runs: it lets any page call it (CORS allows everything, so a
 * browser would send even a bearer token) and answers 401, so a client has no reason to stop early.
 */
export async function startRecorder(): Promise<Recorder> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? 'GET',
        path: request.url ?? '/',
        authorization: request.headers.authorization,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(request.method === 'OPTIONS' ? 204 : 401, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Headers': '*, Authorization',
        'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE',
        'Content-Type': 'application/json',
      });
      response.end(request.method === 'OPTIONS' ? undefined : '{"error":"Unauthorized"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
