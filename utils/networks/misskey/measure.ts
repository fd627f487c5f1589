import type { MeasureText } from '../capabilities';
import { measureNote } from './limits';

// Misskey counts code points; Sharkey and others UTF-16 units (told when the account connects).
export const measure: MeasureText = (text, limits, options) =>
  measureNote(text, limits, {
    counting: limits.countsCodePoints ? 'code-points' : 'utf16',
    ...(options.spoilerText !== undefined && { spoilerText: options.spoilerText }),
  });
