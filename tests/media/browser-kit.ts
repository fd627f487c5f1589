/**
 * Browser-side helpers for the media spec and benchmark, bundled as the global `MediaKit`.
 * Pictures are made in the page so megabytes of pixels never cross the Playwright channel.
 */

const kept = new Map<string, Blob>();

/** Keeps a blob in the page under a key, so later evaluate calls can use it by name. */
export function keep(key: string, blob: Blob): void {
  kept.set(key, blob);
}

/** A kept blob, wrapped as a File when a name is given (the pipeline reads `name`). */
export function take(key: string, name?: string): Blob {
  const blob = kept.get(key);
  if (!blob) throw new Error(`nothing kept as ${key}`);
  return name ? new File([blob], name, { type: blob.type }) : blob;
}

/** Deterministic pseudo-random numbers, so every run benchmarks the same pictures. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/**
 * A photo-like picture: sky and ground gradients, soft blobs of colour, and sensor-like grain.
 * Grain matters: without it JPEG compresses the gradients to almost nothing.
 */
export async function makePhoto(
  width: number,
  height: number,
  options: { seed?: number; quality?: number; grain?: number } = {},
): Promise<Blob> {
  const next = random(options.seed ?? 1);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const sky = context.createLinearGradient(0, 0, width * 0.3, height);
  sky.addColorStop(0, `hsl(${200 + next() * 30} 70% 70%)`);
  sky.addColorStop(0.55, `hsl(${30 + next() * 30} 60% 75%)`);
  sky.addColorStop(0.56, `hsl(${90 + next() * 40} 40% 35%)`);
  sky.addColorStop(1, `hsl(${60 + next() * 40} 35% 20%)`);
  context.fillStyle = sky;
  context.fillRect(0, 0, width, height);
  for (let i = 0; i < 40; i++) {
    const x = next() * width;
    const y = next() * height;
    const r = (0.03 + next() * 0.2) * Math.max(width, height);
    const blob = context.createRadialGradient(x, y, 0, x, y, r);
    blob.addColorStop(0, `hsl(${next() * 360} ${40 + next() * 40}% ${30 + next() * 40}% / 0.55)`);
    blob.addColorStop(1, 'hsl(0 0% 50% / 0)');
    context.fillStyle = blob;
    context.fillRect(x - r, y - r, 2 * r, 2 * r);
  }
  // Fine detail (branches, texture) at several scales.
  context.lineCap = 'round';
  for (let i = 0; i < 1500; i++) {
    context.strokeStyle = `hsl(${next() * 360} 30% ${next() * 60 + 10}% / 0.5)`;
    context.lineWidth = 1 + next() * 6;
    const x = next() * width;
    const y = next() * height;
    context.beginPath();
    context.moveTo(x, y);
    context.quadraticCurveTo(
      x + (next() - 0.5) * 300,
      y + (next() - 0.5) * 300,
      x + (next() - 0.5) * 400,
      y + (next() - 0.5) * 400,
    );
    context.stroke();
  }
  // Grain: a noise tile with an odd size, so its repeats never line up with 8 × 8 JPEG blocks.
  const tile = new OffscreenCanvas(509, 509);
  const tileContext = tile.getContext('2d')!;
  const noise = tileContext.createImageData(509, 509);
  const grain = options.grain ?? 18;
  for (let i = 0; i < noise.data.length; i += 4) {
    const v = 128 + (next() + next() + next() - 1.5) * grain * 2;
    noise.data[i] = v + (next() - 0.5) * 10;
    noise.data[i + 1] = v;
    noise.data[i + 2] = v + (next() - 0.5) * 10;
    noise.data[i + 3] = 255;
  }
  tileContext.putImageData(noise, 0, 0);
  context.globalCompositeOperation = 'overlay';
  context.fillStyle = context.createPattern(tile, 'repeat')!;
  context.fillRect(0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: options.quality ?? 0.92 });
}

/** A PNG with a transparent background around an opaque badge, like a logo or sticker. */
export async function makeTransparentPng(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#3a7';
  context.beginPath();
  context.arc(width / 2, height / 2, Math.min(width, height) * 0.4, 0, Math.PI * 2);
  context.fill();
  context.fillStyle = '#fff';
  context.font = `${Math.round(height / 6)}px sans-serif`;
  context.fillText('Crosswind', width * 0.2, height / 2);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** A plain JPEG of `width` × `height` whose left half is red and right half is blue. */
export function makeTwoToneJpeg(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#f00';
  context.fillRect(0, 0, width / 2, height);
  context.fillStyle = '#00f';
  context.fillRect(width / 2, 0, width / 2, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
}

/** A JPEG with four coloured quarters (red, green / blue, black), so any turn or flip shows. */
export function makeQuadrantJpeg(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const colours = ['#f00', '#0f0', '#00f', '#000'];
  for (const [i, colour] of colours.entries()) {
    context.fillStyle = colour;
    context.fillRect(
      (i % 2) * (width / 2),
      Math.floor(i / 2) * (height / 2),
      width / 2,
      height / 2,
    );
  }
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
}

/** The colour names of the four corners (top-left, top-right, bottom-left, bottom-right). */
export function cornerColours(bitmap: ImageBitmap): string[] {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  const inset = 4;
  const points = [
    [inset, inset],
    [bitmap.width - inset, inset],
    [inset, bitmap.height - inset],
    [bitmap.width - inset, bitmap.height - inset],
  ] as const;
  return points.map(([x, y]) => {
    const [r, g, b] = context.getImageData(x, y, 1, 1).data;
    if (r! > 160 && g! < 90 && b! < 90) return 'red';
    if (g! > 160 && r! < 90 && b! < 90) return 'green';
    if (b! > 160 && r! < 90 && g! < 90) return 'blue';
    if (r! < 60 && g! < 60 && b! < 60) return 'black';
    return `rgb(${r},${g},${b})`;
  });
}

export { applyOrientation, decoderAppliesOrientation } from '../../utils/media/orientation';

/** The colour at a point of a decoded picture, to check which way it was turned. */
export async function pixelAt(blob: Blob, x: number, y: number): Promise<number[]> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return Array.from(context.getImageData(x, y, 1, 1).data);
}

/** Bytes as base64, the cheapest way to hand a few hundred kilobytes to Node. */
export async function toBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** The inverse of {@link toBase64}, typed so the pipeline's sniffing is what decides. */
export function fromBase64(data: string, type = ''): Blob {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
