/** What the pixels say about the best encoding: transparency needs PNG, flat art suits it. */
export interface PixelTraits {
  transparent: boolean;
  /** Few distinct colours, like screenshots, diagrams and text: PNG keeps edges sharp. */
  flat: boolean;
}

// 256 × 256 samples find any transparent area larger than 1/256 of a side; smaller ones
// would be filled white, which is invisible on a background anyway.
const SAMPLE_EDGE = 256;
// Photos have a distinct colour in nearly every sample; screenshots repeat a handful.
const FLAT_DISTINCT_SHARE = 0.35;

/** Samples a grid of exact pixels (no smoothing, so no blended colours) and summarises them. */
export function analyzeBitmap(bitmap: ImageBitmap): PixelTraits {
  const width = Math.min(bitmap.width, SAMPLE_EDGE);
  const height = Math.min(bitmap.height, SAMPLE_EDGE);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.imageSmoothingEnabled = false;
  context.drawImage(bitmap, 0, 0, width, height);
  return summarizePixels(context.getImageData(0, 0, width, height).data);
}

/** Transparency and flatness of RGBA samples; pure so it can be tested without a canvas. */
export function summarizePixels(rgba: Uint8ClampedArray | Uint8Array): PixelTraits {
  const colours = new Set<number>();
  let transparent = false;
  for (let i = 0; i + 3 < rgba.length; i += 4) {
    if (rgba[i + 3]! < 255) transparent = true;
    colours.add((rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!);
  }
  const samples = rgba.length / 4;
  return { transparent, flat: samples > 0 && colours.size / samples < FLAT_DISTINCT_SHARE };
}
