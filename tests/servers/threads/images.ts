// Meta downloads `image_url` itself, from a public server, at the time of the attempt. The test
// server fetches it too, but only from this computer (the tests' own site), never the internet:
// anything else settles the container as ERROR, as an address Meta cannot reach would.

/** Meta's image specs: JPEG and PNG, at most 8 MB. */
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png'];

export type ImageOutcome = { ok: true; bytes: number } | { ok: false; reason: string };

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}

export async function fetchImage(address: string): Promise<ImageOutcome> {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (!isLoopback(url)) return { ok: false, reason: 'not reachable from the test server' };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'follow' });
    const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (!response.ok) return { ok: false, reason: `HTTP ${response.status}` };
    if (!TYPES.includes(type)) return { ok: false, reason: `type ${type || 'unknown'}` };
    const body = await response.arrayBuffer();
    if (body.byteLength > MAX_IMAGE_BYTES) return { ok: false, reason: 'over 8 MB' };
    return { ok: true, bytes: body.byteLength };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
