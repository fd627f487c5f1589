import type { TextMeasure } from '@/utils/text/limits';
import type { AccountLimits } from '../types';
import { MISSKEY_DEFAULT_LIMITS } from './defaults';
import { DEFAULT_MAX_CW, countNote, type MisskeyCounting } from './text';
import type { MisskeyMeta } from './validate';

/** An account's limits from its server's `/api/meta`. */
export function limitsFromMeta(meta: MisskeyMeta): AccountLimits {
  const limits: AccountLimits = {
    ...MISSKEY_DEFAULT_LIMITS,
    maxCharacters: meta.maxNoteTextLength,
  };
  // An upload must fit both the server's maxFileSize and the drive the role policy grants.
  const caps = [
    meta.maxFileSize,
    meta.driveCapacityMb === undefined ? undefined : meta.driveCapacityMb * 1024 * 1024,
  ].filter((cap): cap is number => cap !== undefined);
  if (caps.length > 0) limits.imageSizeLimit = Math.min(...caps);
  return limits;
}

/**
 * How a note measures up: its text against maxNoteTextLength and its content warning against the
 * warning's cap, each counted as the server counts (code points on Misskey, UTF-16 on Sharkey).
 */
export function measureNote(
  text: string,
  limits: Pick<AccountLimits, 'maxCharacters'>,
  options: { spoilerText?: string; counting: MisskeyCounting; maxCw?: number },
): TextMeasure {
  const used = countNote(text, options.counting);
  const limit = limits.maxCharacters;
  const result: TextMeasure = {
    used,
    limit,
    remaining: limit - used,
    over: used > limit,
    unit: 'characters',
  };
  const maxCw = options.maxCw ?? DEFAULT_MAX_CW;
  const cw = countNote(options.spoilerText ?? '', options.counting);
  if (cw > maxCw) {
    result.over = true;
    result.detail = `content warning at most ${maxCw} characters: ${cw} used`;
  }
  return result;
}
