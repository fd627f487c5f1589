import { words } from '@/utils/i18n/wording';
import { CrosswindError } from '../errors';

/**
 * Decodes a picture the way it is meant to be seen: 'from-image' applies its EXIF orientation
 * (orientation.ts covers engines that do not). A file that fails is named, with what to do.
 */
export async function decodeUpright(file: Blob, name: string): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (cause) {
    throw new CrosswindError('validation', words('media.cannotOpen', { image: name }), { cause });
  }
}
