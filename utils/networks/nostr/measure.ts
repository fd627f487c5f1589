import type { MeasureText } from '../capabilities';
import { measureText } from '../../text/limits';

// Only the text counts: the warning travels as a tag, and links are not shortened.
export const measure: MeasureText = (text, limits) => measureText('codePoints', text, limits);
