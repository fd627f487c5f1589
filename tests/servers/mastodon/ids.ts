import { randomBytes } from 'node:crypto';

let lastId = 0n;

/**
 * Mastodon's snowflake ids: milliseconds shifted left 16 bits plus a sequence, as strings. They sort
 * by creation time, as clients assume.
 */
export function snowflake(at: Date = new Date()): string {
  let id = BigInt(at.getTime()) << 16n;
  if (id <= lastId) id = lastId + 1n;
  lastId = id;
  return id.toString();
}

/** SecureRandom.urlsafe_base64(32): what Doorkeeper uses for secrets, tokens and codes. */
export function secret(): string {
  return randomBytes(32).toString('base64url');
}

/** A short random name, as Paperclip's `SecureRandom.hex(8)` file names. */
export function hexName(): string {
  return randomBytes(8).toString('hex');
}

/** A fake but well-formed VAPID public key (an uncompressed P-256 point). */
export function vapidKey(): string {
  const point = Buffer.concat([Buffer.from([4]), randomBytes(64)]);
  return point.toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
}
