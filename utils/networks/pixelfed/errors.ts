import { MastoHttpError } from 'masto';
import { CrosswindError } from '@/utils/errors';

/**
 * Pixelfed answers a repeated `Idempotency-Key` with `400 "Duplicate idempotency key."` where
 * Mastodon answers the first status again: the earlier attempt did post.
 */
export function isDuplicateKey(error: unknown): boolean {
  return saidWith(error, 400).includes('duplicate idempotency key');
}

/** A top-level status without media: `403 "Empty statuses are not allowed"`. */
export function isMissingPhoto(error: unknown): boolean {
  return saidWith(error, 403).includes('empty statuses are not allowed');
}

/**
 * What the server said, when it answered with this status; empty otherwise. Laravel's `abort()`
 * answers `{"message": …}` where Mastodon answers `{"error": …}`, so both are read.
 */
function saidWith(error: unknown, status: number): string {
  if (!(error instanceof CrosswindError) || error.status !== status) return '';
  const said = [error.message];
  const cause = error.cause;
  if (cause instanceof MastoHttpError) {
    said.push(cause.message);
    for (const value of Object.values(cause.additionalProperties ?? {})) {
      if (typeof value === 'string') said.push(value);
    }
  }
  return said.join(' ').toLowerCase();
}
