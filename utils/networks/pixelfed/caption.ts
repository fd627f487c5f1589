import { formatNumber } from '@/utils/i18n/format';
import { t } from '@/utils/i18n/messages';
import type { TextMeasure } from '../../text/limits';
import type { AccountLimits } from '../types';

/** Pixelfed validates `spoiler_text` separately, at most 140 characters. */
export const PIXELFED_MAX_WARNING = 140;

/**
 * Pixelfed checks the caption with Laravel's `max:` rule, which counts code points, links at
 * full length; the content warning is checked on its own.
 */
export function measureCaption(
  text: string,
  limits: AccountLimits,
  options: { spoilerText?: string },
): TextMeasure {
  const used = [...text].length;
  const limit = limits.maxCharacters;
  const result: TextMeasure = {
    used,
    limit,
    remaining: limit - used,
    over: used > limit,
    unit: 'characters',
  };
  const warning = [...(options.spoilerText ?? '')].length;
  if (warning > PIXELFED_MAX_WARNING) {
    result.over = true;
    result.detail = t('counters.detail.warning', {
      max: formatNumber(PIXELFED_MAX_WARNING),
      used: formatNumber(warning),
    });
  }
  return result;
}
