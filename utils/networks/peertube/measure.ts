import type { MeasureText } from '../capabilities';
import { measureVideoText } from './text';

// The description is what PeerTube limits; the title is cut from the first line, never refused.
export const measure: MeasureText = (text, limits) => measureVideoText(text, limits);
