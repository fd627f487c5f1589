import { type ExifOrientation, swapsAxes } from './exif';

type Transform = [number, number, number, number, number, number];

/** Canvas transform that draws a raw `width` × `height` picture upright for an EXIF orientation. */
export function orientationTransform(
  orientation: ExifOrientation,
  width: number,
  height: number,
): Transform {
  switch (orientation) {
    case 2:
      return [-1, 0, 0, 1, width, 0];
    case 3:
      return [-1, 0, 0, -1, width, height];
    case 4:
      return [1, 0, 0, -1, 0, height];
    case 5:
      return [0, 1, 1, 0, 0, 0];
    case 6:
      return [0, 1, -1, 0, height, 0];
    case 7:
      return [0, -1, -1, 0, height, width];
    case 8:
      return [0, -1, 1, 0, 0, width];
    default:
      return [1, 0, 0, 1, 0, 0];
  }
}

/** Turns a bitmap decoded as stored into an upright one; only needed where decoders ignore EXIF. */
export function applyOrientation(bitmap: ImageBitmap, orientation: ExifOrientation): ImageBitmap {
  const swap = swapsAxes(orientation);
  const canvas = new OffscreenCanvas(
    swap ? bitmap.height : bitmap.width,
    swap ? bitmap.width : bitmap.height,
  );
  const context = canvas.getContext('2d')!;
  context.setTransform(...orientationTransform(orientation, bitmap.width, bitmap.height));
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.transferToImageBitmap();
}

// A 34-byte big-endian Exif APP1 holding only Orientation = 6 (a quarter turn clockwise).
const ROTATE_APP1 = [
  0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, 0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00,
  0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00,
  0x00, 0x00, 0x00, 0x00,
];

let probe: Promise<boolean> | undefined;

/**
 * Whether `createImageBitmap(…, { imageOrientation: 'from-image' })` turns photos upright here.
 * Chromium does; the check runs once per context on a 2 × 1 JPEG so other engines stay correct.
 */
export function decoderAppliesOrientation(): Promise<boolean> {
  probe ??= (async () => {
    try {
      const canvas = new OffscreenCanvas(2, 1);
      canvas.getContext('2d')!.fillRect(0, 0, 2, 1);
      const jpeg = new Uint8Array(
        await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer(),
      );
      const tagged = new Uint8Array(jpeg.length + ROTATE_APP1.length);
      tagged.set(jpeg.subarray(0, 2));
      tagged.set(ROTATE_APP1, 2);
      tagged.set(jpeg.subarray(2), 2 + ROTATE_APP1.length);
      const bitmap = await createImageBitmap(new Blob([tagged], { type: 'image/jpeg' }), {
        imageOrientation: 'from-image',
      });
      const upright = bitmap.width === 1 && bitmap.height === 2;
      bitmap.close();
      return upright;
    } catch {
      // If the probe itself cannot run, trust the decoder rather than rotating twice.
      return true;
    }
  })();
  return probe;
}
