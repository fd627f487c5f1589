import { describe, expect, it } from 'vitest';
import { CrosswindError } from '@/utils/errors';
import { storedText } from '@/utils/i18n/wording';
import {
  type Encoder,
  fitDimensions,
  fitToLimit,
  type FitRequest,
  formatBytes,
  type OutputType,
  QUALITY_STEPS,
} from '@/utils/media/fit';

interface Call {
  width: number;
  height: number;
  type: OutputType;
  quality: number | undefined;
}

interface Model {
  /** Bytes per pixel of a lossy encode at quality 0.92. */
  photo?: number;
  /** How steeply size falls with quality: relative size is exp(steepness × (q − 0.92)). */
  steepness?: number;
  /** Bytes per pixel of PNG. */
  png?: number;
  /** WebP relative to JPEG at the same quality. */
  webp?: number;
  /** Bytes grow as pixels^exponent (below 1: small versions carry denser detail). */
  exponent?: number;
  /** A fixed size whatever is asked: an encoder that cannot shrink. */
  constant?: number;
}

/** An encoder that models bytes ≈ pixels × bpp(quality) and records what it was asked. */
function fakeEncoder(model: Model = {}): { encode: Encoder<{ size: number }>; calls: Call[] } {
  const calls: Call[] = [];
  const encode: Encoder<{ size: number }> = async (width, height, type, quality) => {
    calls.push({ width, height, type, quality });
    return { size: sizeOf(model, width, height, type, quality) };
  };
  return { encode, calls };
}

function sizeOf(
  model: Model,
  width: number,
  height: number,
  type: OutputType,
  quality: number | undefined,
): number {
  if (model.constant !== undefined) return model.constant;
  const pixels = (width * height) ** (model.exponent ?? 1);
  if (type === 'image/png') return Math.round(pixels * (model.png ?? 3));
  const lossy =
    (model.photo ?? 0.45) * Math.exp((model.steepness ?? 4.5) * ((quality ?? 0.92) - 0.92));
  return Math.round(pixels * lossy * (type === 'image/webp' ? (model.webp ?? 0.7) : 1));
}

const request = (
  encode: Encoder<{ size: number }>,
  overrides: Partial<FitRequest<{ size: number }>> = {},
): FitRequest<{ size: number }> => ({
  name: 'holiday.jpg',
  width: 4000,
  height: 3000,
  maxBytes: 1_000_000,
  maxEdge: 2000,
  type: 'image/jpeg',
  encode,
  ...overrides,
});

describe('fitToLimit', () => {
  it('takes a small photo as is at the best quality, in one attempt', async () => {
    const { encode, calls } = fakeEncoder();
    const result = await fitToLimit(request(encode, { width: 1200, height: 800 }));
    expect(result).toMatchObject({ width: 1200, height: 800, quality: 0.92, attempts: 1 });
    expect(result.encoded.size).toBeLessThanOrEqual(1_000_000);
    expect(calls).toHaveLength(1);
  });

  it('brings a 12 MP photo to the max edge, then picks the best quality that fits', async () => {
    const { encode, calls } = fakeEncoder({ photo: 0.45 });
    const result = await fitToLimit(request(encode));
    expect(result.width).toBe(2000);
    expect(result.height).toBe(1500);
    expect(result.encoded.size).toBeLessThanOrEqual(1_000_000);
    // 0.92 gives 1.35 MB; the estimate from that miss jumps straight to a step that fits.
    expect(result.attempts).toBe(2);
    const better = QUALITY_STEPS.filter((q) => q > result.quality!);
    for (const q of better) {
      expect(sizeOf({ photo: 0.45 }, 2000, 1500, 'image/jpeg', q)).toBeGreaterThan(1_000_000);
    }
    expect(calls.map((c) => c.quality)).toEqual([0.92, result.quality]);
  });

  it('shrinks the picture when even the lowest quality is too big', async () => {
    const { encode } = fakeEncoder({ photo: 2 });
    const result = await fitToLimit(request(encode));
    expect(result.encoded.size).toBeLessThanOrEqual(1_000_000);
    expect(result.width).toBeLessThan(2000);
    expect(result.width / result.height).toBeCloseTo(4 / 3, 2);
    expect(result.attempts).toBeLessThanOrEqual(3);
  });

  it('keeps the aspect ratio and both limits for a tall panorama', async () => {
    const { encode } = fakeEncoder();
    const result = await fitToLimit(
      request(encode, {
        width: 2000,
        height: 16000,
        maxBytes: 300_000,
        maxEdge: 4096,
        maxPixels: 8_294_400,
      }),
    );
    expect(result.height).toBeLessThanOrEqual(4096);
    expect(result.width * result.height).toBeLessThanOrEqual(8_294_400);
    expect(result.encoded.size).toBeLessThanOrEqual(300_000);
    expect(result.height / result.width).toBeCloseTo(8, 1);
  });

  it('keeps a transparent PNG that fits as PNG', async () => {
    const { encode, calls } = fakeEncoder({ png: 1 });
    const result = await fitToLimit(
      request(encode, { width: 800, height: 600, type: 'image/png', keepTransparency: true }),
    );
    expect(result).toMatchObject({ type: 'image/png', quality: undefined, attempts: 1 });
    expect(calls).toEqual([{ width: 800, height: 600, type: 'image/png', quality: undefined }]);
  });

  it('shrinks a too-big transparent PNG instead of losing its transparency to JPEG', async () => {
    const { encode, calls } = fakeEncoder({ png: 3 });
    const result = await fitToLimit(
      request(encode, { width: 1600, height: 1200, type: 'image/png', keepTransparency: true }),
    );
    expect(result.type).toBe('image/png');
    expect(result.encoded.size).toBeLessThanOrEqual(1_000_000);
    expect(result.width).toBeLessThan(1600);
    expect(calls.every((c) => c.type === 'image/png')).toBe(true);
    expect(result.attempts).toBeLessThanOrEqual(3);
  });

  it('uses lossy WebP for a too-big transparent PNG when the network takes WebP', async () => {
    const { encode } = fakeEncoder({ png: 3 });
    const result = await fitToLimit(
      request(encode, {
        width: 1600,
        height: 1200,
        type: 'image/png',
        keepTransparency: true,
        alphaLossyType: 'image/webp',
      }),
    );
    expect(result.type).toBe('image/webp');
    expect(result.width).toBe(1600);
    expect(result.encoded.size).toBeLessThanOrEqual(1_000_000);
  });

  it('falls back to JPEG for an opaque PNG that is too big', async () => {
    const { encode, calls } = fakeEncoder({ png: 3, photo: 0.2 });
    const result = await fitToLimit(
      request(encode, { width: 1600, height: 1200, type: 'image/png' }),
    );
    expect(calls[0]!.type).toBe('image/png');
    expect(result).toMatchObject({ type: 'image/jpeg', width: 1600, height: 1200, quality: 0.92 });
    expect(result.attempts).toBe(2);
  });

  it('copes with already-compressed input, where lower quality barely helps', async () => {
    // A photo that went through JPEG at 0.5 before: re-encoding at lower quality saves little,
    // so the quality-based estimate is too hopeful and sizes must shrink instead.
    const { encode } = fakeEncoder({ photo: 0.5, steepness: 0.3 });
    const result = await fitToLimit(request(encode));
    expect(result.encoded.size).toBeLessThanOrEqual(1_000_000);
    expect(result.attempts).toBeLessThanOrEqual(6);
  });

  it('needs one attempt for already-compressed input that is small enough', async () => {
    const { encode } = fakeEncoder({ photo: 0.12 });
    const result = await fitToLimit(request(encode));
    expect(result).toMatchObject({ width: 2000, height: 1500, quality: 0.92, attempts: 1 });
  });

  it('never upscales', async () => {
    const { encode } = fakeEncoder();
    const result = await fitToLimit(request(encode, { width: 300, height: 200, maxEdge: 4096 }));
    expect(result).toMatchObject({ width: 300, height: 200 });
  });

  it('starts from an estimate of the same picture and skips steps that cannot fit', async () => {
    const { encode, calls } = fakeEncoder({ photo: 0.45 });
    // What the same photo measured at Mastodon's size: 3325 × 2494 at 0.92.
    const estimate = {
      type: 'image/jpeg' as const,
      width: 3325,
      height: 2494,
      quality: 0.92,
      size: sizeOf({ photo: 0.45 }, 3325, 2494, 'image/jpeg', 0.92),
    };
    const result = await fitToLimit(request(encode, { estimate }));
    expect(result.attempts).toBe(1);
    expect(calls[0]!.quality).toBeLessThan(0.92);
    expect(result.encoded.size).toBeLessThanOrEqual(1_000_000);
  });

  it('ignores an estimate that rules out everything rather than sending a thumbnail', async () => {
    const { encode, calls } = fakeEncoder();
    const estimate = {
      type: 'image/jpeg' as const,
      width: 10,
      height: 10,
      quality: 0.5,
      size: 1e9,
    };
    const result = await fitToLimit(request(encode, { width: 1000, height: 800, estimate }));
    expect(calls[0]).toMatchObject({ width: 1000, height: 800, quality: 0.92 });
    expect(result.attempts).toBe(1);
  });

  it('gives up with a validation error naming the file when nothing can fit', async () => {
    const { encode, calls } = fakeEncoder({ constant: 5_000_000 });
    const error = await fitToLimit(request(encode)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrosswindError);
    expect(error).toMatchObject({ kind: 'validation', retryable: false });
    expect((error as CrosswindError).message).toBe(
      'holiday.jpg cannot be made smaller than 1 MB without ruining it. Try cropping it or choosing a smaller picture.',
    );
    expect((error as CrosswindError).detail).toContain('5000000');
    // Each miss re-aims lower on the ladder, so even a hopeless encoder stops well short of 10.
    expect(calls.length).toBeLessThanOrEqual(6);
    expect(calls.at(-1)!.width).toBeLessThan(100);
  });

  it('gives up after maxAttempts even with an encoder that keeps almost fitting', async () => {
    let size = 2_000_000;
    const calls: number[] = [];
    const encode: Encoder<{ size: number }> = async () => {
      calls.push(size);
      size = Math.max(1_000_001, Math.round(size * 0.9));
      return { size };
    };
    await expect(fitToLimit(request(encode, { maxAttempts: 5 }))).rejects.toMatchObject({
      kind: 'validation',
    });
    expect(calls).toHaveLength(5);
  });

  it('always ends at or under the limit, or with a validation error, within 10 attempts', async () => {
    let seed = 42;
    const random = (): number => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 4294967296;
    };
    const types: OutputType[] = ['image/jpeg', 'image/png', 'image/webp'];
    let fitted = 0;
    for (let i = 0; i < 400; i++) {
      const model: Model = {
        photo: 0.05 + random() * 3,
        steepness: 0.2 + random() * 8,
        png: 0.2 + random() * 6,
        exponent: 0.75 + random() * 0.35,
      };
      const { encode, calls } = fakeEncoder(model);
      const type = types[i % 3]!;
      const width = 1 + Math.floor(random() * 9000);
      const height = 1 + Math.floor(random() * 9000);
      const maxBytes = Math.floor(1000 + random() * 5_000_000);
      const maxEdge = 256 + Math.floor(random() * 4000);
      const fit = fitToLimit(
        request(encode, {
          width,
          height,
          maxBytes,
          maxEdge,
          type,
          keepTransparency: random() < 0.5,
          ...(random() < 0.5 && { alphaLossyType: 'image/webp' as const }),
        }),
      );
      const result = await fit.catch((e: unknown) => e);
      expect(calls.length).toBeLessThanOrEqual(10);
      if (result instanceof CrosswindError) {
        expect(result.kind).toBe('validation');
        continue;
      }
      fitted += 1;
      const ok = result as Awaited<typeof fit>;
      expect(ok.encoded.size).toBeLessThanOrEqual(maxBytes);
      expect(Math.max(ok.width, ok.height)).toBeLessThanOrEqual(maxEdge);
      expect(ok.width).toBeLessThanOrEqual(width);
      expect(ok.attempts).toBe(calls.length);
    }
    // Most random cases are possible; the property must not pass by always giving up.
    expect(fitted).toBeGreaterThan(300);
  });
});

describe('fitDimensions', () => {
  it('scales to the max edge exactly, despite float error', () => {
    expect(fitDimensions(4000, 3000, 2000)).toEqual({ width: 2000, height: 1500 });
    expect(fitDimensions(3000, 4000, 2000)).toEqual({ width: 1500, height: 2000 });
    expect(fitDimensions(6000, 4000, 3840)).toEqual({ width: 3840, height: 2560 });
  });

  it('respects a pixel budget', () => {
    const { width, height } = fitDimensions(4000, 3000, 3840, 8_294_400);
    expect(width * height).toBeLessThanOrEqual(8_294_400);
    expect(width).toBe(3325);
  });

  it('never returns zero for extreme strips', () => {
    expect(fitDimensions(100_000, 10, 2000)).toEqual({ width: 2000, height: 1 });
  });
});

/** A size as the user reads it (formatBytes keeps it as a message, to be worded where shown). */
const size = (bytes: number) => storedText(formatBytes(bytes));

describe('formatBytes', () => {
  it('speaks decimal units, as Bluesky states its limit', () => {
    expect(size(1_000_000)).toBe('1 MB');
    expect(size(16 * 1024 * 1024)).toBe('16.8 MB');
    expect(size(976_000)).toBe('976 kB');
    expect(size(512)).toBe('512 bytes');
  });
});
