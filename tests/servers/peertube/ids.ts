import { createHash, randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** PeerTube's short UUID: the UUID's 128 bits written in base 58 (flickr alphabet). */
export function shortUuidOf(uuid: string): string {
  let value = BigInt(`0x${uuid.replace(/-/g, '')}`);
  let out = '';
  while (value > 0n) {
    out = ALPHABET[Number(value % 58n)] + out;
    value /= 58n;
  }
  return out || ALPHABET[0]!;
}

/** A new video's uuid and short uuid. */
export function newVideoIds(): { uuid: string; shortUUID: string } {
  const uuid = randomUUID();
  return { uuid, shortUUID: shortUuidOf(uuid) };
}

/** OAuth tokens are 40 hex characters (sha1 of random bytes) on PeerTube. */
export function newToken(): string {
  return createHash('sha1').update(randomBytes(256)).digest('hex');
}

/**
 * node-uploadx's upload id: md5 of name, size, lastModified and user when the client sent
 * `lastModified` (so the same file from the same user gets the same session back), random otherwise.
 */
export function uploadIdFor(parts: {
  name: string;
  size: number;
  lastModified: unknown;
  userId: number;
}): string {
  if (
    parts.lastModified === undefined ||
    parts.lastModified === null ||
    parts.lastModified === ''
  ) {
    return randomBytes(16).toString('hex');
  }
  return createHash('md5')
    .update([parts.name, parts.size, String(parts.lastModified), String(parts.userId)].join('-'))
    .digest('hex');
}
