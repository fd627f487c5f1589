import { randomBytes } from 'node:crypto';

// Misskey's default id scheme, `aidx`: 8 base-36 digits of milliseconds since 2000-01-01, a 4-digit
// node id and a 4-digit counter, so ids sort by creation time as `sinceId`/`untilId` assume.

const TIME_ORIGIN = Date.UTC(2000, 0, 1);
const NODE_ID = randomBytes(4).readUInt32BE(0).toString(36).padStart(4, '0').slice(-4);
let counter = 0;

/** A new aidx id for something made at `at`. */
export function aidx(at: Date = new Date()): string {
  const time = Math.max(0, at.getTime() - TIME_ORIGIN)
    .toString(36)
    .padStart(8, '0');
  counter = (counter + 1) % 36 ** 4;
  return `${time}${NODE_ID}${counter.toString(36).padStart(4, '0')}`;
}

/** The smallest aidx id of anything made at or after `at` (how Misskey turns sinceDate into sinceId). */
export function aidxFloor(at: number): string {
  const time = Math.max(0, at - TIME_ORIGIN)
    .toString(36)
    .padStart(8, '0');
  return `${time}00000000`;
}

/** secureRndstr(32): the alphabet Misskey draws tokens from. */
export function token(length = 32): string {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += chars[byte % chars.length];
  return out;
}

/** The `misskey:id` format ajv checks. */
export function isMisskeyId(value: string): boolean {
  return /^[a-zA-Z0-9]+$/.test(value);
}
