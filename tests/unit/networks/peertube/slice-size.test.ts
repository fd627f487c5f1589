import { describe, expect, it } from 'vitest';
import {
  FIRST_SLICE_BYTES,
  MAX_SLICE_BYTES,
  MIN_SLICE_BYTES,
  nextSliceBytes,
  sliceCeiling,
} from '@/utils/networks/peertube/slice-size';

const MiB = 1024 * 1024;

describe('resumable upload slice size (PeerTube web client rules)', () => {
  it('doubles a slice that took under 2 s, up to the ceiling', () => {
    expect(nextSliceBytes(FIRST_SLICE_BYTES, 300, MAX_SLICE_BYTES)).toBe(2 * MiB);
    expect(nextSliceBytes(4 * MiB, 1_999, MAX_SLICE_BYTES)).toBe(8 * MiB);
    expect(nextSliceBytes(8 * MiB, 100, MAX_SLICE_BYTES)).toBe(8 * MiB);
    expect(nextSliceBytes(2 * MiB, 100, 3 * MiB)).toBe(3 * MiB);
  });

  it('keeps a slice that took 2 to 8 s, and halves one that took longer, never under 256 KiB', () => {
    expect(nextSliceBytes(4 * MiB, 2_000, MAX_SLICE_BYTES)).toBe(4 * MiB);
    expect(nextSliceBytes(4 * MiB, 8_000, MAX_SLICE_BYTES)).toBe(4 * MiB);
    expect(nextSliceBytes(4 * MiB, 8_001, MAX_SLICE_BYTES)).toBe(2 * MiB);
    expect(nextSliceBytes(MIN_SLICE_BYTES, 30_000, MAX_SLICE_BYTES)).toBe(MIN_SLICE_BYTES);
  });

  it("takes the instance's maxChunkSize as the ceiling where it is set and smaller", () => {
    expect(sliceCeiling(undefined)).toBe(MAX_SLICE_BYTES);
    expect(sliceCeiling(0)).toBe(MAX_SLICE_BYTES);
    expect(sliceCeiling(5 * MiB)).toBe(5 * MiB);
    expect(sliceCeiling(100 * MiB)).toBe(MAX_SLICE_BYTES);
  });
});
