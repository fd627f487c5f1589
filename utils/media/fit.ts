import { words, type Wording } from '@/utils/i18n/wording';
import { CrosswindError } from '../errors';

/** The encodings the pipeline writes: what every network accepts, plus WebP where allowed. */
export type OutputType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Anything with a byte size: a Blob in the browser, a plain object in tests. */
export interface Sized {
  readonly size: number;
}

/** Encodes the picture at a size and quality; PNG gets `undefined` because it is lossless. */
export type Encoder<T extends Sized> = (
  width: number,
  height: number,
  type: OutputType,
  quality: number | undefined,
) => Promise<T>;

/** What to fit, into what, and how to encode it. */
export interface FitRequest<T extends Sized> {
  /** The file's name, for the message when nothing fits. */
  name: string;
  /** Size of the upright source picture. */
  width: number;
  height: number;
  maxBytes: number;
  maxEdge: number;
  maxPixels?: number;
  /** Preferred encoding: a lossy type gets the quality ladder, PNG is tried once as is. */
  type: OutputType;
  /** For PNG: never fall back to JPEG, which would paint transparent areas. */
  keepTransparency?: boolean;
  /** A lossy type that keeps transparency (WebP), used before shrinking a too-big PNG. */
  alphaLossyType?: 'image/webp';
  encode: Encoder<T>;
  /** An earlier encoding of the same picture at another size, so the first guess is informed. */
  estimate?: Measurement;
  maxAttempts?: number;
  qualities?: readonly number[];
  /** Factor applied to both sides on each step down in size. */
  shrink?: number;
  /** Below this long edge the picture is no longer worth sending: give up instead. */
  minEdge?: number;
}

/** One encoding's outcome: enough to predict the size of others of the same picture. */
export interface Measurement {
  type: OutputType;
  width: number;
  height: number;
  quality: number | undefined;
  size: number;
}

/** The encoding that fit, with what it took to get there. */
export interface FitResult<T extends Sized> {
  encoded: T;
  width: number;
  height: number;
  type: OutputType;
  quality: number | undefined;
  attempts: number;
}

/** Lossy quality steps, best first; below 0.5 JPEG artefacts become obvious on photos. */
export const QUALITY_STEPS: readonly number[] = [0.92, 0.85, 0.75, 0.6, 0.5];
const SHRINK = 0.85;
const MAX_ATTEMPTS = 10;
const MIN_EDGE = 64;
// Aim a little under the limit so an estimate that is slightly low does not cost a retry.
const MARGIN = 0.97;
// A measurement at another size predicts only within about ±20% (grain averages away when
// shrinking, fine detail gets denser), so an estimate only rules out steps clearly too big.
const ESTIMATE_SLACK = 1.2;
// Bytes ∝ pixels^exponent: below 1 where shrinking packs detail denser (typical photos), about
// 1.1 where it averages grain away (the benchmark's synthetic photos). For shrinking, 0.9 errs
// towards predicting too big, which costs a little quality rather than an extra encode.
const PIXEL_EXPONENT = 0.9;
// Encoded size relative to quality 0.92, measured on noisy 12 MP photos with Chromium's encoders.
const RELATIVE_SIZE: readonly (readonly [number, number])[] = [
  [0.3, 0.15],
  [0.5, 0.22],
  [0.6, 0.28],
  [0.75, 0.46],
  [0.85, 0.71],
  [0.92, 1],
  [1, 1.6],
];

interface Step {
  width: number;
  height: number;
  quality: number | undefined;
}

interface Phase {
  type: OutputType;
  steps: Step[];
}

/** The largest size within the edge and pixel limits, never larger than the source. */
export function fitDimensions(
  width: number,
  height: number,
  maxEdge: number,
  maxPixels = Number.POSITIVE_INFINITY,
): { width: number; height: number } {
  const scale = Math.min(
    1,
    maxEdge / Math.max(width, height),
    Math.sqrt(maxPixels / (width * height)),
  );
  // The epsilon keeps 2000 × (2000 / 4000) from flooring to 1999 through float error.
  return {
    width: Math.max(1, Math.floor(width * scale + 1e-6)),
    height: Math.max(1, Math.floor(height * scale + 1e-6)),
  };
}

/**
 * Finds an encoding at or under `maxBytes`: quality steps first at the largest allowed size,
 * then smaller sizes. After each miss (or from `estimate`) it predicts sizes from the last
 * result and skips steps that cannot fit, so a typical photo takes one or two encodes.
 * Throws a validation error rather than ever returning an oversized result.
 */
export async function fitToLimit<T extends Sized>(request: FitRequest<T>): Promise<FitResult<T>> {
  const maxAttempts = request.maxAttempts ?? MAX_ATTEMPTS;
  let attempts = 0;
  let smallest = Number.POSITIVE_INFINITY;
  const estimate = request.estimate;
  for (const [number, phase] of phasesFor(request).entries()) {
    let last: { step: Step; size: number } | undefined;
    let index = 0;
    if (number === 0 && estimate?.type === phase.type) {
      const prior = { step: estimate, size: estimate.size };
      // A prior that rules out every step is more likely wrong than the picture hopeless.
      index = Math.max(
        0,
        firstPredictedFit(phase.steps, 0, prior, request.maxBytes * ESTIMATE_SLACK),
      );
    }
    while (index < phase.steps.length) {
      if (last) {
        const next = firstPredictedFit(phase.steps, index, last, request.maxBytes * MARGIN);
        // Nothing is predicted to fit: one try at the smallest step settles it for real.
        index = next < 0 ? phase.steps.length - 1 : next;
      }
      if (attempts >= maxAttempts) throw giveUp(request, smallest);
      const step = phase.steps[index]!;
      const encoded = await request.encode(step.width, step.height, phase.type, step.quality);
      attempts += 1;
      if (encoded.size <= request.maxBytes) {
        return { encoded, ...step, type: phase.type, attempts };
      }
      smallest = Math.min(smallest, encoded.size);
      last = { step, size: encoded.size };
      index += 1;
    }
  }
  throw giveUp(request, smallest);
}

function phasesFor<T extends Sized>(request: FitRequest<T>): Phase[] {
  const base = fitDimensions(request.width, request.height, request.maxEdge, request.maxPixels);
  const qualities = request.qualities ?? QUALITY_STEPS;
  const shrink = request.shrink ?? SHRINK;
  const minEdge = request.minEdge ?? MIN_EDGE;
  const lossy = (type: OutputType): Phase => ({
    type,
    steps: ladder(base, qualities, shrink, minEdge),
  });
  if (request.type !== 'image/png') return [lossy(request.type)];
  const asIs: Phase = { type: 'image/png', steps: [{ ...base, quality: undefined }] };
  if (!request.keepTransparency) return [asIs, lossy('image/jpeg')];
  if (request.alphaLossyType) return [asIs, lossy(request.alphaLossyType)];
  return [{ type: 'image/png', steps: ladder(base, [undefined], shrink, minEdge) }];
}

/** Every (size, quality) pair in the order we prefer them: size first, then quality. */
function ladder(
  base: { width: number; height: number },
  qualities: readonly (number | undefined)[],
  shrink: number,
  minEdge: number,
): Step[] {
  const steps: Step[] = [];
  let previous = '';
  for (let scale = 1; ; scale *= shrink) {
    const width = Math.max(1, Math.floor(base.width * scale));
    const height = Math.max(1, Math.floor(base.height * scale));
    if (steps.length > 0 && Math.max(width, height) < minEdge) break;
    const key = `${width}x${height}`;
    if (key === previous) break;
    previous = key;
    for (const quality of qualities) steps.push({ width, height, quality });
  }
  return steps;
}

/** The first step from `from` on that `last` predicts at or under `threshold`, or -1. */
function firstPredictedFit(
  steps: Step[],
  from: number,
  last: { step: Step; size: number },
  threshold: number,
): number {
  for (let i = from; i < steps.length; i++) {
    if (predictSize(last, steps[i]!) <= threshold) return i;
  }
  return -1;
}

function predictSize(last: { step: Step; size: number }, next: Step): number {
  const pixels = (next.width * next.height) / (last.step.width * last.step.height);
  return (
    last.size *
    pixels ** PIXEL_EXPONENT *
    (relativeSize(next.quality) / relativeSize(last.step.quality))
  );
}

function relativeSize(quality: number | undefined): number {
  if (quality === undefined) return 1;
  const table = RELATIVE_SIZE;
  if (quality <= table[0]![0]) return table[0]![1];
  for (let i = 1; i < table.length; i++) {
    const [q1, s1] = table[i]!;
    if (quality <= q1) {
      const [q0, s0] = table[i - 1]!;
      return s0 + ((s1 - s0) * (quality - q0)) / (q1 - q0);
    }
  }
  return table[table.length - 1]![1];
}

function giveUp<T extends Sized>(request: FitRequest<T>, smallest: number): CrosswindError {
  return new CrosswindError(
    'validation',
    words('media.cannotShrink', { image: request.name, size: formatBytes(request.maxBytes) }),
    {
      detail: Number.isFinite(smallest)
        ? `Smallest attempt was ${smallest} bytes; the limit is ${request.maxBytes}.`
        : `The limit is ${request.maxBytes} bytes.`,
    },
  );
}

/** Sizes as people read them; decimal megabytes, as Bluesky states its 1 MB limit. */
export function formatBytes(bytes: number): Wording {
  if (bytes >= 1_000_000) {
    return words('media.megabytes', { amount: Number((bytes / 1_000_000).toFixed(1)) });
  }
  if (bytes >= 1000) return words('media.kilobytes', { amount: Math.round(bytes / 1000) });
  return words('media.bytes', { amount: bytes });
}
