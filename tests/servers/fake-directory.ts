import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One identity the directory answers for: a handle, its DID, and the PDS its DID document names. */
export interface FakeIdentity {
  handle: string;
  did: string;
  pds: string;
}

/**
 * A handle resolver and PLC directory in one, answering for the identities it is given: a DID
 * document can name any PDS, which is the point (the real PLC directory holds whatever its owner
 * signed, so a DID document is untrusted input).
 */
export async function startFakeDirectory(
  identities: FakeIdentity[],
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      response.writeHead(status, {
        'Content-Type': 'application/json',
        'Access-Control-Allow-Origin': '*',
      });
      response.end(JSON.stringify(body));
    };
    if (url.pathname === '/xrpc/com.atproto.identity.resolveHandle') {
      const found = identities.find((item) => item.handle === url.searchParams.get('handle'));
      return found
        ? send(200, { did: found.did })
        : send(400, { error: 'InvalidRequest', message: 'Unable to resolve handle' });
    }
    const found = identities.find((item) => url.pathname === `/${item.did}`);
    if (!found) return send(404, { message: 'DID not registered' });
    return send(200, {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: found.did,
      alsoKnownAs: [`at://${found.handle}`],
      service: [
        { id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: found.pds },
      ],
    });
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
