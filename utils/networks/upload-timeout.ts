import { NETWORK_TIMEOUT_MS } from './fetch-json';

/**
 * The slowest upload Crosswind waits out, in bytes per millisecond (256 kB/s). Below it a big
 * clip is given up and retried rather than left "Uploading…" for an hour.
 */
const SLOWEST_BYTES_PER_MS = 256;

/** How long sending a file of this size may take: the usual answer time plus the file at 256 kB/s. */
export function uploadTimeoutMs(bytes: number): number {
  return NETWORK_TIMEOUT_MS + Math.ceil(bytes / SLOWEST_BYTES_PER_MS);
}
