import { countMisskey } from '@/utils/text/misskey';

/**
 * How a server measures a note: Misskey, Firefish and Iceshrimp check `text` and `cw` with ajv's
 * maxLength, which counts code points; Sharkey checks `text.length` (UTF-16 units) against its
 * config (notes/create: `ps.text.length > this.config.maxNoteLength`, MAX_LENGTH error).
 */
export type MisskeyCounting = 'code-points' | 'utf16';

/** Software whose notes/create validates lengths with ajv's paramDef (code points). */
const AJV_COUNTED = new Set([
  'misskey',
  'firefish',
  'iceshrimp',
  'catodon',
  'cherrypick',
  'foundkey',
]);

/**
 * The counting a server uses, from nodeinfo's `software.name`. An unknown fork gets UTF-16 units:
 * never fewer than code points, so a note that fits by that count fits either way.
 */
export function countingFor(software: string | undefined): MisskeyCounting {
  return software && AJV_COUNTED.has(software.toLowerCase()) ? 'code-points' : 'utf16';
}

/** The length of a note's text or content warning as that server measures it (untrimmed). */
export function countNote(text: string, counting: MisskeyCounting): number {
  return counting === 'code-points' ? countMisskey(text) : text.length;
}

/** Misskey's content-warning cap (notes/create paramDef `cw: { maxLength: 100 }`). */
export const DEFAULT_MAX_CW = 100;
