// How big the next slice of a resumable upload is, as PeerTube's own web client decides it
// (ngx-uploadx's DynamicChunk, "auto chunk size"): 1 MiB first, doubled while a slice takes under
// 2 s, halved when one takes over 8 s, and never over the instance's `maxChunkSize`. Fewer, larger
// slices on a fast link: each slice is a request and a write of the job, which a 50 MB clip in
// 1 MiB slices paid 48 times, enough to slow the other uploads of the same post.

/** The first slice, and the size to start again from after a connection failed. */
export const FIRST_SLICE_BYTES = 1024 * 1024;
/** uploadx's smallest slice. */
export const MIN_SLICE_BYTES = 256 * 1024;
/**
 * Crosswind's own ceiling where the instance sets none: a slice lost to a dropped connection
 * costs at most this much again, and even at the slowest pace an upload is waited for
 * (`uploadTimeoutMs`) it is sent within its time.
 */
export const MAX_SLICE_BYTES = 8 * 1024 * 1024;

const FAST_MS = 2_000;
const SLOW_MS = 8_000;

/** The slice ceiling: the instance's `maxChunkSize` (0 or absent: none) within Crosswind's own. */
export function sliceCeiling(serverMax: number | undefined): number {
  return serverMax !== undefined && serverMax > 0
    ? Math.max(1, Math.min(MAX_SLICE_BYTES, serverMax))
    : MAX_SLICE_BYTES;
}

/** The size after a slice of `current` bytes took `elapsedMs`. */
export function nextSliceBytes(current: number, elapsedMs: number, ceiling: number): number {
  if (elapsedMs < FAST_MS) return Math.min(ceiling, current * 2);
  if (elapsedMs > SLOW_MS) return Math.min(ceiling, Math.max(MIN_SLICE_BYTES, current / 2));
  return Math.min(ceiling, current);
}
