import { t } from '@/utils/i18n/messages';
import { words } from '@/utils/i18n/wording';
import { CrosswindError } from '../errors';
import { loadImage } from '../media/image-store';
import { openImage, type ImageSource, type PreparedImage } from '../media/prepare';
import type { ImageTarget } from '../media/targets';
import type { PreparedUpload, TargetContent } from '../networks/types';

/** An attached image as a post's content names it. */
export type ContentImage = NonNullable<TargetContent['images']>[number];

interface Opened {
  source: Promise<ImageSource>;
  /** Results by rules: accounts on servers with the same limits share one encode. */
  prepared: Map<string, Promise<PreparedImage>>;
  timer?: ReturnType<typeof setTimeout>;
}

// Decoding is the largest cost; every account of a post prepares from the same decoded picture.
const opened = new Map<string, Opened>();
const KEEP_DECODED_MS = 30_000;

function open(image: ContentImage): Opened {
  let entry = opened.get(image.id);
  if (!entry) {
    const source = (async () => {
      const blob = await loadImage(image.id);
      if (!blob) {
        throw new CrosswindError(
          'validation',
          words('outbox.imageGone', { image: image.name ?? words('outbox.anImage') }),
        );
      }
      return openImage(Object.assign(blob, { name: image.name ?? t('media.theImage') }));
    })();
    entry = { source, prepared: new Map() };
    opened.set(image.id, entry);
    source.catch(() => opened.delete(image.id));
  }
  return entry;
}

/** Sizes and encodes one attached image for one account's rules. */
export async function prepareForUpload(
  image: ContentImage,
  rules: ImageTarget,
): Promise<PreparedUpload> {
  const entry = open(image);
  clearTimeout(entry.timer);
  const source = await entry.source;
  try {
    const key = JSON.stringify(rules);
    let pending = entry.prepared.get(key);
    if (!pending) {
      pending = source.prepare(rules);
      entry.prepared.set(key, pending);
      pending.catch(() => entry.prepared.delete(key));
    }
    const prepared = await pending;
    return { blob: prepared.blob, alt: image.alt, width: prepared.width, height: prepared.height };
  } finally {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      opened.delete(image.id);
      source.close();
    }, KEEP_DECODED_MS);
  }
}
