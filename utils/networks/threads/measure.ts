import type { MeasureText } from '../capabilities';
import { measureText } from '../../text/limits';
import { THREADS_MAX_LINKS } from '../../text/threads';

// Meta: 500 characters, emoji by their UTF-8 bytes, at most 5 distinct links.
export const measure: MeasureText = (text, limits) =>
  measureText('threads', text, {
    maxCharacters: limits.maxCharacters,
    maxLinks: THREADS_MAX_LINKS,
  });
