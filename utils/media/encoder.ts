import { words } from '@/utils/i18n/wording';
import { CrosswindError } from '../errors';
import type { Encoder, OutputType } from './fit';
import { drawScaled, type Pyramid } from './resize';

/** An encoder over one upright picture, plus a way to free the canvases it kept. */
export interface CanvasEncoder {
  encode: Encoder<Blob>;
  dispose(): void;
}

/**
 * Encodes through OffscreenCanvas, which writes pixels only: no Exif, GPS, XMP or ICC block
 * survives. Each size is drawn once and reused across quality steps.
 */
export function canvasEncoder(pyramid: Pyramid): CanvasEncoder {
  const canvases = new Map<string, OffscreenCanvas>();

  async function canvasFor(
    width: number,
    height: number,
    opaque: boolean,
  ): Promise<OffscreenCanvas> {
    const key = `${width}x${height}:${opaque}`;
    const cached = canvases.get(key);
    if (cached) return cached;
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { alpha: !opaque })!;
    if (opaque) {
      // JPEG has no alpha: transparent pixels would otherwise turn black.
      context.fillStyle = '#fff';
      context.fillRect(0, 0, width, height);
    }
    await drawScaled(context, pyramid, width, height);
    canvases.set(key, canvas);
    return canvas;
  }

  return {
    async encode(width: number, height: number, type: OutputType, quality: number | undefined) {
      const canvas = await canvasFor(width, height, type === 'image/jpeg');
      const blob = await canvas.convertToBlob(quality === undefined ? { type } : { type, quality });
      // Browsers silently write PNG for types they cannot encode.
      if (blob.type !== type) {
        throw new CrosswindError('unsupported', words('media.cannotWrite', { type }));
      }
      return blob;
    },
    dispose() {
      for (const canvas of canvases.values()) {
        canvas.width = 0;
        canvas.height = 0;
      }
      canvases.clear();
    },
  };
}
