import { CrosswindError, errorText } from '../errors';
import { saveImage } from '../media/image-store';
import { inspectImage } from '../media/inspect';
import { MAX_IMAGES, type DraftImage } from './draft';
import { formatList } from '../i18n/format';
import { t, tn } from '../i18n/messages';

/** What attaching produced: images ready to append, and one message per file left out. */
export interface AttachResult {
  added: DraftImage[];
  errors: string[];
}

/**
 * Checks and stores files in order until the draft holds {@link MAX_IMAGES}; a file that is not
 * a readable picture is named in `errors` and takes no place.
 */
export async function attachImages(files: File[], current: DraftImage[]): Promise<AttachResult> {
  const taken = new Set(current.map((image) => image.name));
  const added: DraftImage[] = [];
  const errors: string[] = [];
  const waiting = [...files];
  let room = MAX_IMAGES - current.length;
  while (waiting.length > 0 && room > 0) {
    // Only as many as still fit are decoded, so dropping twenty files does not decode twenty.
    const batch = waiting.splice(0, room);
    const checked = await Promise.allSettled(batch.map((file) => inspectImage(file)));
    for (const [index, result] of checked.entries()) {
      const file = batch[index]!;
      if (result.status === 'rejected') {
        errors.push(messageFor(file, result.reason, 'attach'));
        continue;
      }
      const id = crypto.randomUUID();
      try {
        await saveImage(id, file);
      } catch (reason) {
        errors.push(messageFor(file, reason, 'save'));
        continue;
      }
      const name = uniqueName(file.name || 'image', taken);
      taken.add(name);
      const { type, width, height, animated } = result.value;
      added.push({
        id,
        name,
        type,
        width,
        height,
        bytes: file.size,
        alt: '',
        ...(animated && { animated }),
      });
      room -= 1;
    }
  }
  if (waiting.length > 0) {
    const names = waiting.map((file) => file.name || t('attach.pastedImage'));
    errors.push(tn('attach.tooMany', names.length, { max: MAX_IMAGES, names: formatList(names) }));
  }
  return { added, errors };
}

function messageFor(file: File, reason: unknown, failed: 'attach' | 'save'): string {
  if (reason instanceof CrosswindError) return errorText(reason);
  const detail = reason instanceof Error ? reason.message : String(reason);
  const name = file.name || t('attach.theImage');
  return failed === 'attach'
    ? t('attach.notAttached', { name, detail })
    : t('attach.notSaved', { name, detail });
}

// Labels such as "Alt text for image.png" must stay unique: pasted screenshots all share a name.
function uniqueName(name: string, taken: Set<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n += 1) {
    const candidate = `${stem}-${n}${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** "a", "a and b", "a, b and c". */
